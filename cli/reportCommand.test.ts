/**
 * `lingering report` (cli/reportCommand.ts) refuses an `--out` it could not create before it runs
 * the matrix, so the refusal costs nothing; render/reportCommand.test.ts runs whole reports. The
 * two whole reports here draw counterexamples from a folder of their own, good and bad, to read
 * how each is noted, refused and counted.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invariants } from '../invariants/index.js';
import { entryId } from '../render/reportPage.js';
import { bufferIo } from './io.js';
import { main } from './main.js';
import { COUNTEREXAMPLES_DIR } from '../checking/loadCounterexamples.js';
import { MARKER, reportCommand } from './reportCommand.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'lingering-report-cli-'));

describe('lingering report --out', () => {
  it('exits 2 at once when --out lies under a file, where no directory can be created', async () => {
    // Arrange: the nearest part of the path that exists is a file.
    const file = join(fresh(), 'plain');
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

/** A saved counterexample: 3 events, `violated` FailureReportedOnce, `expect` violates. */
const SAVED = JSON.parse(
  readFileSync(join(COUNTEREXAMPLES_DIR, 'original--prefix--FailureReportedOnce.json'), 'utf8'),
) as Record<string, unknown>;

/** A folder of counterexamples named as given, each written as JSON unless already text. */
function folder(files: Record<string, unknown>): string {
  const dir = fresh();
  for (const [name, body] of Object.entries(files))
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

/** The line under a drawn counterexample's heading: its pair, bounds and note. */
function metaOf(page: string, name: string): string | undefined {
  const section = page.split(`<section id="${entryId(name)}">`)[1] ?? '';
  return /<p class="meta">.*<\/p>/.exec(section)?.[0];
}

const ARGS = ['--runs', '1', '--environment', 'isolated'];

describe('lingering report, drawing the counterexamples of a folder', () => {
  it('counts one counterexample, says in one line why it was not drawn, and keeps its marker', () => {
    // Arrange: one bad file, whose name holds a line break, and a file that is not JSON; the
    // directory was made by report (its marker is there).
    const cx = folder({ 'c\nd.json': '{', 'notes.txt': 'not a counterexample' });
    const out = fresh();
    writeFileSync(join(out, MARKER), 'mine');
    const b = bufferIo(0);
    // Act
    const status = reportCommand(['--out', out, ...ARGS], b.io, cx);
    // Assert
    const index = join(out, 'index.html');
    expect(status).toBe(0);
    expect(b.stdout().startsWith(`report: wrote ${index} (matrix of `)).toBe(true);
    expect(b.stdout().endsWith(' cells, 1 counterexample)\n')).toBe(true);
    expect(b.stderr()).toMatch(/^progress: report: matrix 1\/\d+ original × prefix$/m);
    expect(b.stderr()).toContain('progress: report: drawing 1/1 c\nd.json\n');
    // The problem's first line only: the rest of the name, then why, stay off standard error.
    expect(
      b.stderr().endsWith(`lingering: report: counterexamples/c\nd.json not drawn: ${cx}/c\n`),
    ).toBe(true);
    expect(readdirSync(out).sort()).toEqual([MARKER, 'index.html']);
    expect(readFileSync(join(out, MARKER), 'utf8')).toBe('mine');
    const page = readFileSync(index, 'utf8');
    expect(page).toContain(`<p class="bad">not drawn: ${cx}/c</p>`);
    // The legend states every invariant, and the matrix's extra column.
    for (const i of invariants) expect(page).toContain(`<li><b>${i.name}</b>: `);
    expect(page).not.toMatch(/<li><b>\w+<\/b>: <\/li>/);
    expect(page).toContain(
      '<li><b>EngineMatchesModel</b>: after every event the engine&#39;s observable state equals',
    );
  });

  it('notes what each trace violates and expects, counts them, and says nothing more with --quiet', () => {
    // Arrange: the same trace with both fields, one or none; and one whose events cannot happen.
    const { violated, expect: expected, ...bare } = SAVED;
    const cx = folder({
      'both.json': SAVED,
      'none.json': bare,
      'violated.json': { ...bare, violated },
      'expect.json': { ...bare, expect: expected },
      'step.json': { ...bare, events: [{ type: 'reset', flow: 1 }] },
    });
    const out = join(fresh(), 'r');
    const b = bufferIo(0);
    // Act
    const status = reportCommand(['--out', out, ...ARGS, '--quiet'], b.io, cx);
    // Assert: no progress line, though one is due at every report.
    expect(status).toBe(0);
    expect(b.stdout().endsWith(' cells, 5 counterexamples)\n')).toBe(true);
    expect(b.stderr()).toBe(
      'lingering: report: counterexamples/step.json not drawn: counterexamples/step.json: events[0] reset(1): flow 1 was never established\n',
    );
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    const meta = (note: string) =>
      `<p class="meta">driver <b>original</b>, agent <b>prefix</b>, L=4, 3 events${note}</p>`;
    expect(metaOf(page, 'both.json')).toBe(
      meta(' · violated: FailureReportedOnce, expect: violates'),
    );
    expect(metaOf(page, 'none.json')).toBe(meta(''));
    expect(metaOf(page, 'violated.json')).toBe(meta(' · violated: FailureReportedOnce'));
    expect(metaOf(page, 'expect.json')).toBe(meta(' · expect: violates'));
  });
});
