import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { dumpDom, findChromium, pageMessages } from './headlessChromium.js';

const CHROMIUM = findChromium();
const SKIPPED =
  CHROMIUM === null
    ? ' (skipped: no chromium binary; apt-get install chromium or set CHROMIUM_BIN)'
    : '';

describe('the report page in headless Chromium', () => {
  it.skipIf(CHROMIUM === null)(
    `loads with no console message and shows the matrix${SKIPPED}`,
    async () => {
      // Arrange: a small report in a temporary directory.
      const out = join(mkdtempSync(join(tmpdir(), 'lingering-report-')), 'report');
      const b = bufferIo();
      expect(await main(['report', '--out', out, '--runs', '8'], b.io)).toBe(0);
      // Act
      const page = dumpDom(CHROMIUM as string, join(out, 'index.html'));
      // Assert: Chromium built the page, with a matrix row per driver × agent pair (and the head)
      // and the PR counterexample, and the page logged nothing.
      expect(page.status).toBe(0);
      expect(pageMessages(page.log)).toEqual([]);
      const start = page.dom.indexOf('<table id="matrix"');
      expect(start).toBeGreaterThan(0);
      const table = page.dom.slice(start, page.dom.indexOf('</table>', start));
      expect(table.split('<tr>').length - 1).toBe(driverNames.length * agentNames.length + 1);
      expect(table).toContain(
        '<th scope="row">original</th><th scope="row">prefix</th><td class="violated"',
      );
      expect(page.dom).toContain('<section id="cx-pr-50823-three-polls">');
      expect(page.dom.split('<svg ').length - 1).toBeGreaterThanOrEqual(2);
    },
  );

  it.skipIf(CHROMIUM === null)(
    `reports a page's console error, so the check above can fail${SKIPPED}`,
    () => {
      const file = join(mkdtempSync(join(tmpdir(), 'lingering-page-')), 'broken.html');
      writeFileSync(
        file,
        '<!DOCTYPE html><meta charset="utf-8"><link rel="icon" href="data:,"><script>console.error("boom"); missing();</script>',
      );
      const page = dumpDom(CHROMIUM as string, file);
      expect(pageMessages(page.log).join('\n')).toMatch(
        /"boom"[\s\S]*Uncaught ReferenceError: missing is not defined/,
      );
    },
  );
});
