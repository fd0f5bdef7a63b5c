/**
 * Headless Chromium for the tests that need a real browser (the report page, the charts' text
 * extents): find a binary, load a file with a fresh profile, read back the DOM its scripts built
 * and what the page logged. Test support only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The first Chromium that answers `--version`: `$CHROMIUM_BIN`, then the usual names. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_BIN, 'chromium', 'chromium-browser', 'google-chrome'];
  for (const bin of candidates) {
    if (bin === undefined || bin === '') continue;
    const r = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
    if (r.status === 0 && /chrom/i.test(r.stdout)) return bin;
  }
  return null;
}

/** Loads `file` in headless Chromium with a fresh profile; the DOM it built and what it logged. */
export function dumpDom(
  bin: string,
  file: string,
): { status: number | null; dom: string; log: string } {
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
export const pageMessages = (log: string): string[] =>
  log.split('\n').filter((l) => /:CONSOLE|Uncaught|console error/i.test(l));
