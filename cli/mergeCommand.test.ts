/**
 * `lingering merge` for people: the summary it prints for a split search's fingerprint files, and
 * how it names a missing file. The files are written here by hand (docs/formats.md#fingerprint-files),
 * so that the counts, times and verdicts, and so every figure of the summary, are known exactly.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FINGERPRINTS_FORMAT } from '../explorer/FingerprintHeader.js';
import { InputError } from './args.js';
import { bufferIo } from './io.js';
import { main } from './main.js';
import { mergeCommand } from './mergeCommand.js';

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lingering-merge-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

/** What one shard of a split in two stored and found. */
interface Shard {
  readonly index: number;
  /** Per stored state: its two fingerprint words and the depth the shard reached it at. */
  readonly states: readonly (readonly [number, number, number])[];
  readonly generated: number;
  readonly wallMs: number;
  readonly complete: boolean;
  readonly violations: readonly { readonly invariant: string; readonly depth: number }[];
}

/** Writes `s` as a fingerprint file: the header line, then three little-endian words a state. */
function shardFile(s: Shard): string {
  const header = {
    format: FINGERPRINTS_FORMAT,
    driver: 'original',
    agent: 'prefix',
    environment: 'isolated',
    bounds: { flows: 2, callouts: 1, polls: 1, layers: 1, traffic: 0 },
    symmetry: true,
    por: true,
    minimise: false,
    quiescence: 'final',
    shard: {
      index: s.index,
      count: 2,
      strategy: 'ends',
      profiles: [s.index],
      level: -1,
      levelStates: 0,
      roots: 1,
      leftToOthers: 0,
    },
    count: s.states.length,
    generated: s.generated,
    depth: Math.max(...s.states.map((t) => t[2])),
    finalStates: 1,
    complete: s.complete,
    wallMs: s.wallMs,
    violations: s.violations.map((v) => ({ ...v, events: [] })),
  };
  const words = Buffer.alloc(s.states.length * 12);
  s.states.flat().forEach((w, i) => words.writeUInt32LE(w, i * 4));
  const file = join(dir, `s${s.index}.fp`);
  writeFileSync(file, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), words]));
  return file;
}

// Two shards sharing states A and B: four distinct states, six stored, two stored twice.
const SHARD_1: Shard = {
  index: 1,
  states: [
    [1, 1, 0],
    [2, 2, 1],
    [3, 3, 2],
  ],
  generated: 12_345,
  wallMs: 1500,
  complete: true,
  violations: [{ invariant: 'RateAtMost100', depth: 5 }],
};
const SHARD_2: Shard = {
  index: 2,
  states: [
    [1, 1, 0],
    [2, 2, 1],
    [4, 4, 3],
  ],
  generated: 1000,
  wallMs: 2250,
  complete: true,
  violations: [{ invariant: 'RateAtMost100', depth: 4 }],
};

describe('lingering merge with no file', () => {
  it('exits 2 with one line saying what files it reads', async () => {
    expect(await run('merge')).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'lingering: merge: got no FILE; allowed: one or more files written by explore --fingerprints\n',
    });
  });
});

describe('lingering merge --json', () => {
  it('exits 1 with a violation and 0 without one', async () => {
    const violated = await run('merge', shardFile(SHARD_1), '--json');
    const clean = await run('merge', shardFile({ ...SHARD_2, violations: [] }), '--json');
    expect([violated.status, clean.status]).toEqual([1, 0]);
    expect(JSON.parse(clean.stdout)).toMatchObject({ violations: [] });
  });
});

describe('lingering merge, the summary', () => {
  it('unions every shard: the bounds, the shortest violation, the repeated work and the times', async () => {
    // Arrange
    const files = [shardFile(SHARD_1), shardFile(SHARD_2)];
    // Act
    const r = await run('merge', ...files);
    // Assert: exit 1 for the violation; 2 of 4 states stored twice is 50% repeated work.
    expect([r.status, r.stderr]).toEqual([1, '']);
    expect(r.stdout).toBe(
      [
        'lingering merge: original × prefix, environment isolated, N=2 in 2 tuple(s), C=1, P=1, L=1, T=0; 2 file(s), shards 1/2, 2/2',
        '✗ RateAtMost100: shortest trace 4 events',
        '13,345 states generated, 4 distinct states found (6 stored by the shards, 2 more than once: 50.0% repeated work).',
        'The depth of the complete state graph search is 3.',
        'Longest shard 2.25 s, all shards 3.75 s; fingerprint collision probability 4.3e-19.',
        '',
      ].join('\n'),
    );
  });

  it('warns when a shard is missing, and calls the search complete only with every shard', async () => {
    // Arrange: shard 2 alone, complete in itself and without a violation.
    const file = shardFile({ ...SHARD_2, violations: [] });
    // Act
    const r = await run('merge', file);
    // Assert: exit 0, no violation.
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      [
        'lingering merge: original × prefix, environment isolated, N=2 in 2 tuple(s), C=1, P=1, L=1, T=0; 1 file(s), shards 2/2',
        'warning: not every shard of the split is here; the union covers part of the search',
        '✓ no invariant violated',
        '1,000 states generated, 3 distinct states found (3 stored by the shards, 0 more than once: 0.0% repeated work).',
        'The depth of the state graph search is 3.',
        'Longest shard 2.25 s, all shards 2.25 s; fingerprint collision probability 2.4e-19.',
        '',
      ].join('\n'),
    );
  });
});

describe('lingering merge, a missing file', () => {
  it('exits 2 with one line naming the file', async () => {
    const missing = join(dir, 'missing.fp');
    const r = await run('merge', missing);
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      `lingering: merge: ${missing}: no such file\n`,
    ]);
  });

  it("keeps Node's own words for a name the file name cannot be cut out of (quotes on two lines)", () => {
    // The name is cut out only when the whole message is one line: here it would be cut wrongly.
    const missing = join(dir, "q'w'\nc'd'");
    const io = bufferIo().io;
    // An error given to toThrow compares the whole message.
    expect(() => mergeCommand([missing], io)).toThrow(
      new InputError(`merge: ENOENT: no such file or directory, open '${missing}'`),
    );
  });
});
