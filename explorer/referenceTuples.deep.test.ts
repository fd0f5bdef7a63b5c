/**
 * The fast search gives the reference search's verdicts and shortest-trace lengths when two flows
 * share a tuple and when they do not (abstraction.ts A4: a tuple group is the unit of
 * decomposition), in production: with no poll in the search the close-out's polls aggregate the
 * tuple's records; with one poll the search's own do. (Every driver × agent pair is compared in
 * production with one flow in reference.deep.test.ts; two flows cost the reference search far more.)
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { explore } from './bfs.js';
import type { ExploreConfig } from './bounds.js';
import { referenceExplore } from './reference.js';

const verdicts = (config: ExploreConfig) => ({
  fast: explore(config).violations.map((v) => `${v.invariant.name} ${v.depth}`),
  reference: referenceExplore(config).violations.map((v) => `${v.invariant} ${v.depth}`),
});

// Three designs that differ where tuples matter: the agent keeping the first record's failures
// (prefix, postfix) or every record's that ships a close (close-record), the driver's release.
const somePairs = [
  ['original', 'prefix'],
  ['deferred-move', 'postfix'],
  ['flow-lock', 'close-record'],
].map(([d, a]) => [d, a, findDriver(d as string)!, findAgent(a as string)!] as const);

describe('the fast search agrees with the reference search, two flows', () => {
  it.each(somePairs)(
    '%s × %s, one tuple and two, the close-out polls only',
    (_d, _a, driver, agent) => {
      for (const tuples of [1, 2]) {
        const bounds = { flows: 2, tuples, callouts: 0, polls: 0, layers: 1, traffic: 0 };
        const v = verdicts({ driver, agent, bounds });
        expect([tuples, ...v.fast]).toEqual([tuples, ...v.reference]);
      }
    },
  );

  it('deferred-move × postfix, one tuple, one poll', () => {
    const v = verdicts({
      driver: findDriver('deferred-move')!,
      agent: findAgent('postfix')!,
      bounds: { flows: 2, tuples: 1, callouts: 0, polls: 1, layers: 1, traffic: 0 },
    });
    expect(v.fast).toEqual(v.reference);
    expect(v.fast).toContain('NoGenuineFailureSuppressed 5');
  });
});
