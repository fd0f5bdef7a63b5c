import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { eventToJson } from '../engine/events.js';
import { seq } from '../engine/seq.js';
import { PR_TRACE, PRODUCTION_TRACES } from '../cli/pictureFixtures.js';
import { descendants, parseXml, textOf } from './parseXml.js';

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

/** A trace file of `text` (the DSL of engine/seq.ts) under original × prefix. */
function traceFile(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'lingering-render-')), name);
  const events = seq(text).map(eventToJson);
  writeFileSync(
    file,
    JSON.stringify({ format: 'lingering-trace/v1', driver: 'original', agent: 'prefix', events }),
  );
  return file;
}

describe('lingering render', () => {
  it('draws the rate chart of the PR trace climbing to 300% (the acceptance command)', () => {
    const svg = execFileSync('node', ['bin/lingering.js', 'render', PR_TRACE, '--format', 'svg'], {
      encoding: 'utf8',
    });
    const bold = descendants(parseXml(svg)).filter(
      (e) => e.name === 'text' && e.attrs['font-weight'] === 'bold',
    );
    expect(bold.map(textOf)).toContain('300%');
  });

  it.each([
    ['mermaid', /^sequenceDiagram\n/],
    ['svg', /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/],
    ['html', /^<!DOCTYPE html>\n/],
  ])('writes --format %s to standard output', async (format, start) => {
    const r = await run('render', PR_TRACE, '--format', format);
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toMatch(start);
  });

  it('prints the picture as data with --json: a format field and one step per event', async () => {
    const r = await run('render', PR_TRACE, '--json');
    expect(r.status).toBe(0);
    const picture = JSON.parse(r.stdout) as { format: string; steps: unknown[]; polls: unknown[] };
    expect(picture.format).toBe('lingering-picture/v1');
    expect(picture.steps).toHaveLength(14);
    expect(picture.polls).toHaveLength(3);
    const both = await run('render', PR_TRACE, '--json', '--format', 'svg');
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/^lingering: --json: got with --format svg/);
  });

  it('draws the same trace under another agent', async () => {
    const r = await run('render', PR_TRACE, '--format', 'mermaid', '--agent', 'postfix');
    expect(r.stdout).toContain('rate 100% (1 failure / 1 close) · windows_lingering_flows 2');
  });

  it('runs a trace with as many clients as it names, or --clients', async () => {
    // Arrange: a file whose polls name client 2.
    const file = traceFile('two-clients.json', PRODUCTION_TRACES.twoClients);
    // Act
    const r = await run('render', file, '--format', 'mermaid');
    const more = await run('render', file, '--format', 'mermaid', '--clients', '3');
    const fewer = await run('render', file, '--format', 'mermaid', '--clients', '1');
    // Assert
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('stored into the closed buffers of clients 1, 2');
    expect(more.stdout).toContain('stored into the closed buffers of clients 1, 2, 3');
    expect([fewer.status, fewer.stdout]).toEqual([2, '']);
    expect(fewer.stderr).toBe('lingering: --clients: got 1; allowed: an integer from 2 to 8\n');
  });

  it.each(Object.entries(PRODUCTION_TRACES))(
    'draws the production trace %s in every format',
    async (name, text) => {
      const file = traceFile(`${name}.json`, text);
      for (const format of ['mermaid', 'svg', 'html']) {
        const r = await run('render', file, '--format', format);
        expect([r.status, r.stderr]).toEqual([0, '']);
      }
    },
  );

  it('exits 2 with one line when the engine refuses the trace, naming the file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-render-')), 'refused.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'lingering-trace/v1',
        driver: 'original',
        agent: 'prefix',
        events: [{ type: 'calloutExit', flow: 1 }],
      }),
    );
    const r = await run('render', file, '--format', 'svg');
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `lingering: ${file}: events[0] calloutExit(1): flow 1 was never established\n`,
    );
  });

  it.each([
    [['render'], /render: got no FILE/],
    [
      ['render', PR_TRACE],
      /--format: got nothing \(the option is missing\); allowed: mermaid, svg, html, --json/,
    ],
    [['render', PR_TRACE, '--format', 'png'], /--format: got "png"; allowed: mermaid, svg, html/],
    [['render', 'missing.json', '--format', 'svg'], /missing\.json: got no such file/],
    [['render', 'package.json', '--format', 'svg'], /^lingering: package\.json: /],
    [
      ['render', PR_TRACE, '--format', 'svg', '--invariant', 'Nope'],
      /--invariant: got "Nope"; allowed: FailuresWithinCloses, /,
    ],
    [['render', PR_TRACE, '--format', 'svg', '--agent', 'nope'], /--agent: got "nope"/],
    [
      ['render', PR_TRACE, '--format', 'svg', '--clients', '9'],
      /--clients: got 9; allowed: an integer from 1 to 8/,
    ],
    [['render', PR_TRACE, PR_TRACE, '--format', 'svg'], /render: got ".*"; allowed: one FILE/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const r = await run(...argv);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
