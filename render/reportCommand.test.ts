import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { COUNTEREXAMPLES_DIR } from '../checking/loadCounterexamples.js';
import { MARKER } from '../cli/reportCommand.js';

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

const fresh = (): string => mkdtempSync(join(tmpdir(), 'lingering-report-'));

describe('lingering report', () => {
  it('writes index.html and its marker into a new directory, and lists them with --json', async () => {
    // Arrange
    const out = join(fresh(), 'nested', 'report');
    // Act
    const r = await run('report', '--out', out, '--runs', '1', '--json');
    // Assert
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toEqual({
      format: 'lingering-report-files/v1',
      out,
      files: [join(out, MARKER), join(out, 'index.html')],
    });
    expect(readdirSync(out).sort()).toEqual([MARKER, 'index.html']);
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toContain('<table id="matrix" class="matrix">');
    expect(page).toContain('<section id="cx-pr-50823-three-polls">');
    expect(page).toContain(
      'in the production environment (docs/environment.md): seed 1, 1 generated sequences per pair',
    );
  });

  it('writes again into a directory it created, and only there without --force', async () => {
    const out = fresh();
    expect((await run('report', '--out', out, '--runs', '1')).status).toBe(0);
    // Every progress line (an interval of 0 ms), to read where drawing starts.
    const b = bufferIo(0);
    const status = await main(['report', '--out', out, '--runs', '1', '--seed', '2'], b.io);
    expect(status).toBe(0);
    expect(b.stdout()).toMatch(
      /^report: wrote .*index\.html \(matrix of \d+ cells, \d+ counterexamples?\)\n$/,
    );
    const saved = readdirSync(COUNTEREXAMPLES_DIR)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(b.stderr()).toContain(`progress: report: drawing 1/${saved.length} ${saved[0]}\n`);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('seed 2,');
  });

  it('refuses a non-empty directory it did not create, and leaves it as it was', async () => {
    const out = fresh();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await run('report', '--out', out, '--runs', '1');
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `lingering: report: ${out} is not empty and was not created by lingering report (no ${MARKER}); choose another --out or pass --force\n`,
    );
    expect(readdirSync(out)).toEqual(['notes.txt']);
  });

  it('writes into such a directory with --force, keeping what was there', async () => {
    const out = fresh();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await run('report', '--out', out, '--runs', '1', '--force', '--json');
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as { files: string[] }).files).toEqual([join(out, 'index.html')]);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'notes.txt']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it.each([
    [['--runs', '0'], /--runs: got 0; allowed: an integer from 1 to 100000/],
    [['--seed', 'x'], /--seed: got "x"/],
    [['--environment', 'nope'], /--environment: got "nope"; allowed: production, isolated/],
    [['--frob'], /report option: got "--frob"/],
    [['extra'], /report arguments: got "extra"; allowed: --out, --runs/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const out = join(fresh(), 'r');
    const r = await run('report', '--out', out, ...argv);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when --out is a file', async () => {
    const dir = fresh();
    const file = join(dir, 'f');
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, 'x');
    const r = await run('report', '--out', file, '--runs', '1');
    expect([r.status, r.stderr]).toEqual([
      2,
      `lingering: report: --out ${file} is a file, not a directory\n`,
    ]);
  });

  it('removes the marker it wrote when writing index.html fails, and exits with the failure', async () => {
    // Arrange: an empty directory, so report marks it; once the matrix runs, a directory takes
    // the name index.html, so the page cannot be renamed into place.
    const out = fresh();
    let err = '';
    const io = {
      out: () => undefined,
      err: (text: string) => {
        if (err === '') mkdirSync(join(out, 'index.html'));
        err += text;
      },
      errIsTty: false,
      progressMs: 0,
    };
    // Act
    const status = await main(
      ['report', '--out', out, '--runs', '1', '--environment', 'isolated'],
      io,
    );
    // Assert
    expect([status, err.split('\n').at(-2)]).toEqual([
      2,
      `lingering: ${join(out, 'index.html')}: is a directory (EISDIR); name a file, not a directory`,
    ]);
    expect(readdirSync(out)).toEqual(['index.html']);
  });
});
