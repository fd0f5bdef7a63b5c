/**
 * A split search: shards 1/n to n/n, merged, give the unsplit search's distinct states, depth and
 * verdicts (split by end profile, or by the first wide level when there are more shards than
 * profiles), and their fingerprint files read back as written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { explore } from './bfs.js';
import type { ExploreConfig } from './bounds.js';
import type { FingerprintFile } from './fingerprints.js';
import { fingerprintBytes, headerOf, readFingerprints } from './fingerprints.js';
import { mergeFingerprints } from './merge.js';

const config: ExploreConfig = {
  driver: findDriver('original')!,
  agent: findAgent('prefix')!,
  bounds: { flows: 2, callouts: 1, polls: 1, layers: 1, traffic: 1 },
  environment: 'isolated',
};
const production: ExploreConfig = {
  driver: findDriver('deferred-move')!,
  agent: findAgent('postfix')!,
  bounds: { flows: 3, tuples: 2, callouts: 0, polls: 0, layers: 1, traffic: 0 },
};
const asFile = (r: ReturnType<typeof explore>): FingerprintFile => ({
  header: headerOf(r),
  fingerprints: r.fingerprints!,
});

describe('shards', () => {
  it.each([2, 3, 4])('%i shards merged give the unsplit counts and verdicts', (count) => {
    // Arrange
    const whole = explore(config, { fingerprints: true });
    // Act
    const parts = Array.from({ length: count }, (_, i) =>
      explore(config, { shard: { index: i + 1, count }, fingerprints: true }),
    );
    const merged = mergeFingerprints(parts.map(asFile));
    // Assert
    expect(merged.allShards).toBe(true);
    expect(merged.distinctStates).toBe(whole.distinctStates);
    expect(merged.depth).toBe(whole.depth);
    expect(merged.violations.map((v) => `${v.invariant} ${v.depth}`)).toEqual(
      whole.violations.map((v) => `${v.invariant.name} ${v.depth}`),
    );
    if (count <= 3) {
      // Two flows, three end profiles (0, 1 or 2 resets): each owned by exactly one shard.
      expect(parts.flatMap((p) => p.shard?.profiles ?? []).sort()).toEqual([0, 1, 2]);
    } else {
      // More shards than profiles: the first wide level is split instead.
      expect(parts.map((p) => p.shard?.strategy)).toEqual([
        'firstLevel',
        'firstLevel',
        'firstLevel',
        'firstLevel',
      ]);
      expect(parts.reduce((s, p) => s + (p.shard?.roots ?? 0), 0)).toBe(
        parts[0]?.shard?.levelStates,
      );
    }
  });

  it('in production, flows sharing a tuple: 2 shards merged give the unsplit counts and verdicts', () => {
    const whole = explore(production, { fingerprints: true });
    const parts = [1, 2].map((index) =>
      explore(production, { shard: { index, count: 2 }, fingerprints: true }),
    );
    const merged = mergeFingerprints(parts.map(asFile));
    expect([merged.distinctStates, merged.depth]).toEqual([whole.distinctStates, whole.depth]);
    expect(merged.violations.map((v) => `${v.invariant} ${v.depth}`)).toEqual(
      whole.violations.map((v) => `${v.invariant.name} ${v.depth}`),
    );
    expect(merged.header).toMatchObject({ environment: 'production', bounds: { tuples: 2 } });
  });

  it('writes a file that reads back to the same header and fingerprints', () => {
    const r = explore(config, { shard: { index: 1, count: 2 }, fingerprints: true });
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-fp-')), 'shard-1.fp');
    writeFileSync(file, fingerprintBytes(r));
    const back = readFingerprints(file);
    expect(back.header).toEqual(JSON.parse(JSON.stringify(headerOf(r))));
    expect([...back.fingerprints]).toEqual([...r.fingerprints!]);
  });

  it('refuses to merge files of different searches', () => {
    const a = explore(config, { shard: { index: 1, count: 2 }, fingerprints: true });
    const b = explore(
      { ...config, agent: findAgent('postfix')! },
      { shard: { index: 2, count: 2 }, fingerprints: true },
    );
    expect(() => mergeFingerprints([asFile(a), asFile(b)])).toThrow(/differ in agent/);
    const c = explore(
      { ...config, environment: 'production' },
      { shard: { index: 2, count: 2 }, fingerprints: true },
    );
    expect(() => mergeFingerprints([asFile(a), asFile(c)])).toThrow(/differ in environment/);
    const d = explore(production, { shard: { index: 1, count: 2 }, fingerprints: true });
    const e = explore(
      { ...production, bounds: { ...production.bounds, tuples: 3 } },
      { shard: { index: 2, count: 2 }, fingerprints: true },
    );
    expect(() => mergeFingerprints([asFile(d), asFile(e)])).toThrow(/differ in tuples/);
  });
});

describe('ownedProfiles', () => {
  it('deals the end profiles to the shards, heaviest first', async () => {
    const { ownedProfiles, canReach } = await import('./shard.js');
    expect([1, 2].map((i) => ownedProfiles(3, 2, i))).toEqual([
      [3, 1],
      [2, 0],
    ]);
    expect([1, 2, 3, 4].map((i) => ownedProfiles(3, 4, i))).toEqual([[3], [2], [1], [0]]);
    expect(ownedProfiles(3, 5, 1)).toBeNull();
    expect(canReach([3], 1, 1)).toBe(false);
    expect(canReach([2, 1, 0], 1, 1)).toBe(true);
  });
});
