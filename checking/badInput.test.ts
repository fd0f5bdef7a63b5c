/**
 * Bad input, every entry point: each malformed file and each bad command line in
 * checking/fixtures/bad/ exits 2 with one line on stderr naming the problem (and the allowed
 * values where there is a list), no stack trace, and no file written or changed. Then random JSON
 * and random argument lists: never a crash, never an exit status other than 0, 1 or 2.
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { parseTrace } from '../engine/trace.js';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { invariantNames } from '../invariants/index.js';

const SEED = 20261125;
const BAD = fileURLToPath(new URL('./fixtures/bad/', import.meta.url));
const files = readdirSync(BAD)
  .filter((f) => f.endsWith('.json') && f !== 'cli-cases.json')
  .sort();
const cases = JSON.parse(readFileSync(join(BAD, 'cli-cases.json'), 'utf8')) as {
  argv: string[];
  stderr: string;
}[];

/** Every file under the folders a command might write to, with its size and modification time. */
function snapshot(): string {
  const dirs = ['.', 'counterexamples', 'checking', 'checking/fixtures/bad', 'reports'];
  return dirs
    .flatMap((d) => {
      try {
        return readdirSync(d).map((f) => {
          const s = statSync(join(d, f));
          return `${d}/${f} ${s.size} ${s.mtimeMs}`;
        });
      } catch {
        return [];
      }
    })
    .sort()
    .join('\n');
}

async function run(argv: readonly string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

function expectOneLineRefusal(r: { status: number; stdout: string; stderr: string }) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^lingering: \S/);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe(`bad input (seed ${SEED})`, () => {
  it('has a corpus of at least 50 malformed inputs', () => {
    expect(files.length + cases.length + 1).toBeGreaterThanOrEqual(50);
  });

  const before = snapshot();

  it.each(files)('replay refuses %s in one line, naming the file', async (file) => {
    const r = await run(['replay', join(BAD, file)]);
    expectOneLineRefusal(r);
    expect(r.stderr).toContain(file);
  });

  it.each(cases.map((c) => [c.argv.join(' '), c] as const))(
    'refuses `lingering %s`',
    async (_, c) => {
      const r = await run(c.argv);
      expectOneLineRefusal(r);
      expect(r.stderr).toContain(c.stderr);
    },
  );

  it('refuses a trace with more events than allowed, naming the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lingering-bad-'));
    const file = join(dir, 'huge.json');
    const events = Array.from({ length: 100_001 }, () => ({ type: 'poll' }));
    writeFileSync(
      file,
      JSON.stringify({ format: 'lingering-trace/v1', driver: 'original', agent: 'prefix', events }),
    );
    const r = await run(['replay', file]);
    expectOneLineRefusal(r);
    expect(r.stderr).toContain('events: got 100001 items; allowed: at most 100000');
  });

  it('writes and changes no file while refusing all of the above', () => {
    expect(snapshot()).toBe(before);
  });

  const names = { drivers: driverNames, agents: agentNames, invariants: invariantNames };
  it.prop([fc.jsonValue()], { seed: SEED, numRuns: 500 })(
    'never throws on random JSON: the parser answers with a trace or one error',
    (value) => {
      const r = parseTrace(JSON.stringify(value), names);
      if (!r.ok) expect(r.error.message).not.toContain('\n');
    },
  );

  const token = fc.constantFrom<unknown>(
    'establish',
    'traffic',
    'calloutEnter',
    'calloutExit',
    'reset',
    'fin',
    'flowDeleteNotify',
    'poll',
    'cas',
    'decrement',
    'readOpen',
    'readClosed',
    0,
    1,
    2,
    -1,
    1.5,
    64,
    65,
    null,
    'x',
  );
  const event = fc.record(
    { type: token, flow: token, bytes: token, step: token },
    { requiredKeys: ['type'] },
  );
  // Made on the first run, not while vitest collects the file.
  let fuzzDir: string | undefined;
  it.prop([fc.array(event, { maxLength: 12 })], { seed: SEED, numRuns: 300 })(
    'never throws on near-miss traces: mutated events are parsed or refused, then replayed or refused',
    async (events) => {
      fuzzDir ??= mkdtempSync(join(tmpdir(), 'lingering-fuzz-'));
      const file = join(fuzzDir, 'near-miss.json');
      writeFileSync(
        file,
        JSON.stringify({
          format: 'lingering-trace/v1',
          driver: 'original',
          agent: 'prefix',
          events,
        }),
      );
      const r = await run(['replay', file, '--json']);
      expect([0, 2]).toContain(r.status);
      if (r.status === 2) expectOneLineRefusal(r);
    },
  );

  // Commands whose valid runs are quick; matrix (also the empty command line), report and
  // explore are covered by the corpus.
  const word = fc.constantFrom(
    'replay',
    'check',
    'variants',
    'help',
    'bogus',
    '--json',
    '--driver',
    '--agent',
    '--invariant',
    '--seed',
    '--runs',
    '--clients',
    '--save',
    '--frob',
    'original',
    'flow-lock',
    'prefix',
    'postfix',
    'RateAtMost100',
    'Nope',
    '1',
    '2',
    '0',
    '-1',
    'x',
    '1.5',
    'counterexamples/pr-50823-three-polls.json',
    'missing.json',
    '',
  );
  it.prop([fc.array(word, { minLength: 1, maxLength: 7 })], { seed: SEED, numRuns: 150 })(
    'never crashes on random argument lists',
    async (argv) => {
      // Keep generated `check` runs short (an invariant no real pair breaks needs no shrinking,
      // unless the list names its own) and never let them save.
      const safe =
        argv[0] === 'check'
          ? [
              'check',
              '--invariant',
              'ShippedNotEmpty',
              ...argv.slice(1).filter((a) => a !== '--save'),
              '--runs',
              '2',
            ]
          : argv;
      const r = await run(safe);
      expect([0, 1, 2]).toContain(r.status);
      if (r.status === 2) expectOneLineRefusal(r);
    },
  );
});
