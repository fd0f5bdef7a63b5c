/**
 * The initial system: no flow, one registered agent client and one empty backend per client.
 */
import { describe, expect, it } from 'vitest';
import { getClient } from './agent/networkState.js';
import { prefix } from './agent/variants/prefix.js';
import { original } from './driver/variants/original.js';
import { clientId, DEFAULT_LAYERS, newEngine } from './EngineState.js';

describe('newEngine', () => {
  it('registers exactly one agent client per configured client, named from 1', () => {
    const s = newEngine({ driver: original, agent: prefix, layers: 3, clients: 2 });
    expect([clientId(0), clientId(1)]).toEqual(['1', '2']);
    expect(s.agent.clients.map((c) => c.id)).toEqual(['1', '2']);
    expect(getClient(s.agent, '1')?.stats.size).toBe(0);
  });

  it('starts with empty tables, empty backends and no poll', () => {
    const s = newEngine({ driver: original, agent: prefix, layers: 3, clients: 2 });
    expect([
      s.driver,
      s.backends,
      s.poll,
      s.polls,
      s.lastPoll,
      s.reReportsWithFailures,
      DEFAULT_LAYERS,
    ]).toEqual([
      { layers: 3, flows: [], openFlows: [], closedFlows: [] },
      [
        { connections: {}, closes: 0, failures: 0 },
        { connections: {}, closes: 0, failures: 0 },
      ],
      null,
      0,
      null,
      0,
      4,
    ]);
  });
});
