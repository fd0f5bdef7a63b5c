/**
 * Regression tests from files (docs/style.md#file-names-carry-the-meaning): every JSON file in this
 * folder is replayed by the engine. `expect: "violates"` means the named invariant must still break
 * on the file's pair, and the same trace (carried to the other drivers by projectTrace) must hold
 * on every pair where the committed manifest says that invariant holds, in the narrowest
 * environment the trace needs (docs/environment.md). Adding a file is all it takes to add a test.
 */
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { environmentOf } from '../engine/environment.js';
import { parseTrace } from '../engine/trace.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { findInvariant, invariantNames } from '../invariants/index.js';
import { readManifest } from '../checking/manifest.js';
import { projectTrace } from '../checking/projectTrace.js';
import { deferredMoveWithoutFix } from '../checking/fixtures/brokenDrivers.js';

const DIR = fileURLToPath(new URL('.', import.meta.url));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const manifest = readManifest();

const load = (file: string) => {
  const r = parseTrace(readFileSync(DIR + file, 'utf8'), {
    drivers: driverNames,
    agents: agentNames,
    invariants: invariantNames,
  });
  if (!r.ok) throw r.error;
  return r.value;
};

const configOf = (driver: string, agent: string, layers: number): EngineConfig => ({
  driver: findDriver(driver)!,
  agent: findAgent(agent)!,
  layers,
  clients: 1,
});

function verdict(config: EngineConfig, events: Parameters<typeof checkTrace>[1], name: string) {
  const r = checkTrace(config, events, [findInvariant(name)!]);
  if (!r.ok) throw r.error;
  return r.value.verdicts[0]!;
}

describe('counterexamples/', () => {
  it('holds at least the bundled example and one generated counterexample', () => {
    expect(files).toContain('pr-50823-three-polls.json');
    expect(files.filter((f) => f.split('--').length === 3).length).toBeGreaterThan(0);
  });

  describe.each(files)('%s', (file) => {
    const trace = load(file);
    const own = configOf(trace.driver, trace.agent, trace.layers);

    it('replays through the engine with no refused event', () => {
      expect(checkTrace(own, trace.events).ok).toBe(true);
    });

    if (trace.violated === undefined || trace.expect === undefined) return;
    const name = trace.violated;

    it(`${trace.expect === 'violates' ? 'violates' : 'holds'} ${name} on ${trace.driver} × ${trace.agent}`, () => {
      expect(verdict(own, trace.events, name).verdict).toBe(
        trace.expect === 'violates' ? 'violated' : 'holds',
      );
    });

    if (trace.expect !== 'violates') return;
    // The narrowest environment the trace needs is the one whose matrix it answers to.
    const environment = environmentOf(trace.events);
    const pairs = manifest.environments[environment]?.pairs ?? {};
    const fixed = Object.entries(pairs).filter(([, cells]) => cells[name] === 'holds');
    it.each(fixed.map(([pair]) => pair))(
      `holds ${name} on %s, where the ${environment} matrix says it holds`,
      (pair) => {
        const [driver, agent] = pair.split('/') as [string, string];
        const target = configOf(driver, agent, trace.layers);
        const v = verdict(target, projectTrace(trace.events, own, target), name);
        expect(v.verdict, `${v.subject}: ${v.detail}`).toBe('holds');
      },
    );
  });
});

describe('the counterexamples guard the fixes', () => {
  it('fail on deferred-move once its fix is deleted from the release', () => {
    // Arrange: every saved counterexample of a lingering flow, carried to the broken design.
    const lingering = files.map(load).filter((t) => t.violated === 'NoLingeringAtQuiescence');
    const broken: EngineConfig = {
      driver: deferredMoveWithoutFix,
      agent: findAgent('postfix')!,
      layers: 4,
      clients: 1,
    };
    // Act
    const caught = lingering.filter((t) => {
      const own = configOf(t.driver, t.agent, t.layers);
      return (
        verdict(broken, projectTrace(t.events, own, broken), t.violated!).verdict === 'violated'
      );
    });
    // Assert: the fixed design passes them all, the unfixed one fails some.
    expect(lingering.length).toBeGreaterThan(0);
    expect(caught.length).toBeGreaterThan(0);
  });
});
