/**
 * Writes the system refuses, through the error boundary (cli/main.ts): one line naming the file
 * the user asked for (never the temporary name) and what to do, exit 2 for an unusable location,
 * 3 for a full disk, 4 for anything unforeseen; and nothing left behind. A full disk and an
 * unforeseen error are injected into `node:fs`'s `writeFileSync` for the targets a test names, after
 * writing half the bytes, as a device that fills up does.
 */
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';

/** The injected failure: writes to a path containing `under` fail with `code` (else `message`). */
interface Fault {
  readonly under: string;
  readonly code?: string;
  readonly message?: string;
}

const PRELOAD = fileURLToPath(new URL('./faultyWrites.mjs', import.meta.url));
const BIN = fileURLToPath(new URL('../bin/lingering.js', import.meta.url));

/** `lingering argv…` in a process of its own, its writes failing as `fault` says (faultyWrites.mjs). */
function runFaulty(fault: Fault, ...argv: string[]) {
  const env = {
    ...process.env,
    LINGERING_FAULT_UNDER: fault.under,
    ...(fault.code === undefined ? {} : { LINGERING_FAULT_CODE: fault.code }),
    ...(fault.message === undefined ? {} : { LINGERING_FAULT_MESSAGE: fault.message }),
  };
  const r = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...argv], {
    encoding: 'utf8',
    env,
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ENOSPC = { code: 'ENOSPC', message: 'no space left on device' };

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

/** One line on stderr, no stack trace, no temporary name. */
function expectOneLine(stderr: string): void {
  expect(stderr).toMatch(/^lingering: \S[^\n]*; [^\n]+\n$/);
  expect(stderr).not.toMatch(/\n\s+at |\.tmp/);
}

const fresh = () => mkdtempSync(join(tmpdir(), 'lingering-refused-'));
const SMALL = ['--driver', 'original', '--agent', 'prefix', '--flows', '1', '--polls', '1'];
const SMALL_BOUNDS = [...SMALL, '--layers', '1', '--quiet'];

describe('a refused write', () => {
  it.runIf(fs.existsSync('/sys/kernel'))(
    'check --save --out /sys/kernel: one line naming the file, exit 2, no temporary file',
    async () => {
      const r = await run(
        'check',
        '--driver',
        'original',
        '--agent',
        'prefix',
        '--save',
        '--out',
        '/sys/kernel',
      );
      expect(r.status).toBe(2);
      expectOneLine(r.stderr);
      // As root the write is refused (EACCES); as anyone else, the directory before any work.
      expect(r.stderr).toMatch(
        /^lingering: (\/sys\/kernel\/original--prefix--\w+\.json: permission denied \(EACCES\); choose a directory this user may write into|--out: got "\/sys\/kernel")/,
      );
      expect(readdirSync('/sys/kernel').filter((f) => f.endsWith('.tmp'))).toEqual([]);
    },
  );

  it('check --save on a full disk: exit 3, the file named, nothing left', () => {
    const dir = fresh();
    const r = runFaulty(
      { under: dir, ...ENOSPC },
      'check',
      '--driver',
      'original',
      '--agent',
      'prefix',
      '--save',
      '--out',
      dir,
    );
    expect(r.status).toBe(3);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(
      new RegExp(
        `^lingering: ${dir}/original--prefix--\\w+\\.json: no space left on device \\(ENOSPC\\); free space or write elsewhere\\n$`,
      ),
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('explore --fingerprints under a regular file: exit 2 (ENOTDIR), nothing created', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'plain'), 'x');
    const target = join(dir, 'plain', 'fp.bin');
    const r = await run('explore', ...SMALL_BOUNDS, '--fingerprints', target);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(
      `lingering: ${target}: a part of the path is not a directory (ENOTDIR); choose a directory this user may write into\n`,
    );
    expect(readdirSync(dir)).toEqual(['plain']);
  });

  it('explore --out on a full disk: exit 3, nothing left', () => {
    const dir = fresh();
    const target = join(dir, 'trace.json');
    const r = runFaulty({ under: dir, ...ENOSPC }, 'explore', ...SMALL_BOUNDS, '--out', target);
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(
      `lingering: ${target}: no space left on device (ENOSPC); free space or write elsewhere\n`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('report on a full disk: exit 3, the directory it created removed', () => {
    const dir = fresh();
    const out = join(dir, 'a', 'report');
    const r = runFaulty(
      { under: 'index.html', ...ENOSPC },
      'report',
      '--out',
      out,
      '--runs',
      '1',
      '--quiet',
    );
    expect(r.status).toBe(3);
    expect(
      r.stderr.split('\n').filter((l) => l.startsWith('lingering: ') && !l.includes('not drawn')),
    ).toEqual([
      `lingering: ${join(out, 'index.html')}: no space left on device (ENOSPC); free space or write elsewhere`,
    ]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unforeseen failure: exit 4 in one line; --debug adds the stack trace', () => {
    const dir = fresh();
    const fault = { under: dir, message: 'the device said no' };
    const target = join(dir, 'fp.bin');
    const quiet = runFaulty(fault, 'explore', ...SMALL_BOUNDS, '--fingerprints', target);
    expect(quiet.status).toBe(4);
    expect(quiet.stderr).toBe(
      `lingering: internal error: ${target}: the device said no; run again with --debug for the stack trace\n`,
    );
    const debug = runFaulty(fault, 'explore', '--debug', ...SMALL_BOUNDS, '--fingerprints', target);
    expect(debug.status).toBe(4);
    const [line, ...stack] = debug.stderr.split('\n');
    expect(`${line}\n`).toBe(quiet.stderr);
    expect(stack.join('\n')).toMatch(/WriteError: .*the device said no\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });
});
