/**
 * A split search: shards 1/2 and 2/2, merged, give the unsplit search's distinct states and
 * verdicts, and their fingerprint files read back as written.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { explore } from './bfs.js';
import type { ExploreConfig } from './bounds.js';
import type { FingerprintFile } from './fingerprints.js';
import { fingerprintBytes, headerOf } from './fingerprints.js';
import { mergeFingerprints } from './merge.js';

const config: ExploreConfig = {
  driver: findDriver('original')!,
  agent: findAgent('prefix')!,
  bounds: { flows: 2, callouts: 1, polls: 1, layers: 1, traffic: 1 },
};
const asFile = (r: ReturnType<typeof explore>): FingerprintFile => ({ header: headerOf(r), fingerprints: r.fingerprints! });

describe('shards', () => {
  it.each([2, 3])('%i shards merged give the unsplit counts and verdicts', (count) => {
    // Arrange
    const whole = explore(config, { fingerprints: true });
    // Act
    const parts = Array.from({ length: count }, (_, i) => explore(config, { shard: { index: i + 1, count }, fingerprints: true }));
    const merged = mergeFingerprints(parts.map(asFile));
    // Assert
    expect(merged.allShards).toBe(true);
    expect(merged.distinctStates).toBe(whole.distinctStates);
    expect(merged.depth).toBe(whole.depth);
    expect(merged.violations.map((v) => `${v.invariant} ${v.depth}`)).toEqual(whole.violations.map((v) => `${v.invariant.name} ${v.depth}`));
    expect(parts.every((p) => (p.shard?.level ?? -1) > 0)).toBe(true);
    expect(parts.reduce((s, p) => s + (p.shard?.roots ?? 0), 0)).toBe(parts[0]?.shard?.levelStates);
  });

  it('writes a file that reads back to the same header and fingerprints', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const { readFingerprints } = await import('./fingerprints.js');
    const r = explore(config, { shard: { index: 1, count: 2 }, fingerprints: true });
    const file = join(mkdtempSync(join(tmpdir(), 'lingering-fp-')), 'shard-1.fp');
    writeFileSync(file, fingerprintBytes(r));
    const back = readFingerprints(file);
    expect(back.header).toEqual(JSON.parse(JSON.stringify(headerOf(r))));
    expect([...back.fingerprints]).toEqual([...r.fingerprints!]);
  });

  it('refuses to merge files of different searches', () => {
    const a = explore(config, { shard: { index: 1, count: 2 }, fingerprints: true });
    const b = explore({ ...config, agent: findAgent('postfix')! }, { shard: { index: 2, count: 2 }, fingerprints: true });
    expect(() => mergeFingerprints([asFile(a), asFile(b)])).toThrow(/differ in agent/);
  });
});
