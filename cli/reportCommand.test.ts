/**
 * `lingering report` (cli/reportCommand.ts) refuses an `--out` it could not create before it runs
 * the matrix, so the refusal costs nothing; render/reportCommand.test.ts runs whole reports.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';

describe('lingering report --out', () => {
  it('exits 2 at once when --out lies under a file, where no directory can be created', async () => {
    // Arrange: the nearest part of the path that exists is a file.
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-report-cli-')), 'plain');
    writeFileSync(file, 'x');
    const out = join(file, 'report');
    const b = bufferIo();
    // Act
    const status = await main(['report', '--out', out, '--runs', '1'], b.io);
    // Assert
    expect([status, b.stdout()]).toEqual([2, '']);
    expect(b.stderr()).toBe(
      `lingering: --out: got "${out}"; allowed: a directory this user may create, or an existing empty one\n`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
