/**
 * What `render` and `report` share (cli/renderCommand.ts): `pictureOf` refuses a variant the
 * registries do not know, and `renderPicture` gives, whole, the document `render` streams.
 */
import { describe, expect, it } from 'vitest';
import { loadTrace } from '../checking/loadTrace.js';
import { bufferIo } from './io.js';
import { main } from './main.js';
import { PR_TRACE, prPicture } from './pictureFixtures.js';
import { pictureOf, renderPicture } from './renderCommand.js';

describe('pictureOf', () => {
  it.each([{ driver: 'nope' }, { agent: 'nope' }])(
    'refuses an unknown variant (%j), listing every driver and agent',
    (request) => {
      const trace = loadTrace(PR_TRACE);
      expect(() => pictureOf(PR_TRACE, trace, request)).toThrow(
        'render: got an unknown variant; allowed: original, cas-retry, deferred-move, ' +
          'deferred-move-racy, flow-lock, prefix, postfix, encoder-gate, failures-delta, close-record',
      );
    },
  );
});

describe('renderPicture', () => {
  it.each(['mermaid', 'svg', 'html'] as const)(
    'gives the document that render --format %s writes',
    async (format) => {
      // Arrange: what the command streams, piece by piece.
      const b = bufferIo();
      expect(await main(['render', PR_TRACE, '--format', format], b.io)).toBe(0);
      // Act
      const text = renderPicture(prPicture(), format);
      // Assert
      expect(text).toBe(b.stdout());
    },
  );
});

describe('render', () => {
  it('titles the html page after the file and ids its section "trace"', async () => {
    const b = bufferIo();
    expect(await main(['render', PR_TRACE, '--format', 'html'], b.io)).toBe(0);
    expect(b.stdout()).toContain(`<title>lingering: ${PR_TRACE}</title>`);
    expect(b.stdout()).toContain('\n<section id="trace">');
  });

  it('refuses --json with --format in one line saying to choose', async () => {
    const b = bufferIo();
    expect(await main(['render', PR_TRACE, '--format', 'html', '--json'], b.io)).toBe(2);
    expect(b.stderr()).toBe(
      'lingering: --json: got with --format html; allowed: one of them (--json: the picture as data)\n',
    );
  });
});
