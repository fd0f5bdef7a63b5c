/**
 * The example histories under `history/fixtures/`: engine runs converted to what the agent's
 * `/network_tracer/connections` endpoint returns, one payload per poll. `npm run
 * history-fixtures` (scripts/makeFixtures.ts) writes them after an engine change; a test fails
 * while the committed files differ from what it writes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { agentNames, findAgent } from '../engine/agent/variants/index.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import type { Event } from '../engine/events.js';
import { parseTrace } from '../engine/trace.js';
import { runEvents } from '../engine/run.js';
import { invariantNames } from '../invariants/index.js';
import { seq } from '../engine/seq.js';
import { agentPayloadsOf } from './fromEngine.js';

/** Where the fixtures live. */
export const FIXTURES_DIR = fileURLToPath(new URL('./fixtures/', import.meta.url));

const PR_TRACE = fileURLToPath(
  new URL('../counterexamples/pr-50823-three-polls.json', import.meta.url),
);

function prEvents(): readonly Event[] {
  const r = parseTrace(readFileSync(PR_TRACE, 'utf8'), {
    drivers: driverNames,
    agents: agentNames,
    invariants: invariantNames,
  });
  if (!r.ok) throw r.error;
  return r.value.events;
}

/**
 * Three flows over five polls: flow 1 resets while a callout holds a reference across its last
 * notify, flow 2 ends gracefully, flow 3 opens late; traffic keeps moving on flow 1 after its end.
 */
const MIXED = 'e1 t1:100 e2 t2:100 p ce1 r1 fd1*4 cx1 t2 p t1 t2 f2 fd2*4 p t1 e3 t3 p t1 p';

/**
 * The production environment (docs/environment.md): flow 1 lingers, flow 2 is drained between
 * polls, the client expires and a poll re-creates it (flow 1's close ships again), then flow 3
 * takes flow 1's tuple and their records ship merged as one connection.
 */
export const PRODUCTION =
  'e1 t1 p ce1 r1 fd1*4 e2 f2 fd2*4 d.read p d.store p exp1 t1 p e3@1 t3 r3 t1 p';

/** One fixture: its file, the run it records, and how it is laid out. */
export interface Fixture {
  readonly file: string;
  readonly about: string;
  readonly driver: string;
  readonly agent: string;
  readonly events: () => readonly Event[];
  /** JSON lines (one payload per line), or one JSON array. */
  readonly layout: 'lines' | 'array';
}

/** The fixtures. */
export const FIXTURES: readonly Fixture[] = [
  {
    file: 'lingering.jsonl',
    about:
      'the PR #50823 trace under original × prefix: the reset flow lingers and ships {104:1} on every poll',
    driver: 'original',
    agent: 'prefix',
    events: prEvents,
    layout: 'lines',
  },
  {
    file: 'lingering-mixed.jsonl',
    about:
      'three flows under original × prefix: flow 1 lingers among a graceful close and a late flow',
    driver: 'original',
    agent: 'prefix',
    events: () => seq(MIXED),
    layout: 'lines',
  },
  {
    file: 'clean.json',
    about:
      'the same three flows under deferred-move × postfix: every close ships once, failures once',
    driver: 'deferred-move',
    agent: 'postfix',
    events: () => seq(MIXED),
    layout: 'array',
  },
  {
    file: 'production.jsonl',
    about:
      'tuple reuse, the drain and client churn under original × prefix: two connections, one closed twice',
    driver: 'original',
    agent: 'prefix',
    events: () => seq(PRODUCTION),
    layout: 'lines',
  },
];

/**
 * The text of a fixture, as the generator writes it.
 *
 * @example
 * fixtureText(FIXTURES[0]).split('\n').length //=> 4 (three payloads and the final newline)
 */
export function fixtureText(f: Fixture): string {
  const driver = findDriver(f.driver);
  const agent = findAgent(f.agent);
  if (driver === undefined || agent === undefined)
    throw new Error(`unknown variant in fixture ${f.file}`);
  const run = runEvents({ driver, agent, layers: 4, clients: 1 }, f.events());
  if (!run.ok) throw run.error;
  const payloads = agentPayloadsOf(run.value);
  return f.layout === 'lines'
    ? `${payloads.map((p) => JSON.stringify(p)).join('\n')}\n`
    : `${JSON.stringify(payloads, null, 2)}\n`;
}
