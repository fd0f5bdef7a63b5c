import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';

/** The first Chromium that answers `--version`: `$CHROMIUM_BIN`, then the usual names. */
function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser', 'google-chrome'];
  for (const bin of candidates) {
    if (bin === undefined || bin === '') continue;
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (r.status === 0 && /chrom/i.test(r.stdout)) return bin;
  }
  return null;
}

/** Loads `file` in headless Chromium with a fresh profile; the DOM it built and what it logged. */
function dumpDom(bin: string, file: string): { status: number | null; dom: string; log: string } {
  const profile = mkdtempSync(join(tmpdir(), 'lingering-chromium-'));
  try {
    const r = spawnSync(
      bin,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${profile}`,
        '--enable-logging=stderr',
        '--v=0',
        '--dump-dom',
        pathToFileURL(file).href,
      ],
      { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 },
    );
    return { status: r.status, dom: r.stdout, log: r.stderr };
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** What the page itself logged: console messages (any level) and uncaught errors. */
const pageMessages = (log: string): string[] =>
  log.split('\n').filter((l) => /:CONSOLE|Uncaught|console error/i.test(l));

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
