/**
 * README's "What the environment allows", written from data: each environment behaviour with its
 * events and upstream source (docs/environment.md), then every matrix cell whose verdict differs
 * between the isolated and the production environment in the committed manifest, with the
 * behaviours its saved counterexample uses. Nothing in it is written by hand.
 */
import type { EnvironmentFeatures } from '../engine/environment.js';
import { featuresUsed } from '../engine/environment.js';
import type { Trace } from '../engine/trace.js';
import type { Manifest } from '../checking/manifest.js';

/** One behaviour of the production environment, as the table shows it. */
interface Behaviour {
  readonly key: keyof EnvironmentFeatures;
  readonly name: string;
  readonly events: string;
  readonly source: string;
}

/** The behaviours, in docs/environment.md's order. */
const BEHAVIOURS: readonly Behaviour[] = [
  {
    key: 'tupleReuse',
    name: '4-tuple reuse',
    events: '`establish` with `tuple`',
    source: '`pkg/network/state.go` `connectionAggregator.Aggregate`, `aggregateConnection.merge`',
  },
  {
    key: 'asyncDrain',
    name: 'asynchronous closed-flow drain',
    events: '`drain` (`read`, `store`)',
    source:
      '`pkg/network/tracer/tracer_windows.go` `NewTracer` (the closed-flows-ready goroutine); `state.go` `StoreClosedConnection`',
  },
  {
    key: 'clientChurn',
    name: 'client churn',
    events: '`clientRegister`, `clientExpire`, `poll` with `client`',
    source:
      '`pkg/network/state.go` `RegisterClient`, `getClient`, `RemoveExpiredClients`, `RemoveClient`',
  },
  {
    key: 'anyOrder',
    name: 'any table enumeration order',
    events: '`poll` steps with `order`',
    source:
      '`GET_OPEN_FLOWS` / `GET_CLOSED_FLOWS` (`pkg/network/driver_interface.go`): the driver fixes no order',
  },
];

/** A cell whose verdict differs between the environments. */
export interface ChangedCell {
  readonly pair: string;
  readonly invariant: string;
  readonly isolated: string;
  readonly production: string;
  /** The behaviours the saved counterexample uses; null without one. */
  readonly uses: readonly string[] | null;
  readonly length: number | null;
}

/**
 * The cells whose verdict differs, in manifest order, each with what its counterexample uses.
 *
 * @example
 * changedCells(manifest, traces)[0] //=> { pair: 'deferred-move/prefix', invariant: 'CloseReportedOnce', isolated: 'holds', production: 'violated', uses: ['asynchronous closed-flow drain'], length: 15 }
 */
export function changedCells(manifest: Manifest, traces: readonly Trace[]): ChangedCell[] {
  const isolated = manifest.environments.isolated?.pairs ?? {};
  const production = manifest.environments.production?.pairs ?? {};
  const out: ChangedCell[] = [];
  for (const [pair, cells] of Object.entries(production)) {
    for (const [invariant, verdict] of Object.entries(cells)) {
      const before = isolated[pair]?.[invariant] ?? 'absent';
      if (before === verdict) continue;
      const [driver, agent] = pair.split('/');
      const trace = traces.find(
        (t) =>
          t.driver === driver &&
          t.agent === agent &&
          t.violated === invariant &&
          t.expect === 'violates',
      );
      const used = trace === undefined ? null : featuresUsed(trace.events);
      out.push({
        pair,
        invariant,
        isolated: before,
        production: verdict,
        uses: used === null ? null : BEHAVIOURS.filter((b) => used[b.key]).map((b) => b.name),
        length: trace?.events.length ?? null,
      });
    }
  }
  return out;
}

const mark = (v: string): string => (v === 'holds' ? '✓' : v === 'violated' ? '✗' : v);

/** The README section's body (between its markers). */
export function environmentTable(manifest: Manifest, traces: readonly Trace[]): string {
  const changed = changedCells(manifest, traces);
  const count = (name: string) => changed.filter((c) => c.uses?.includes(name)).length;
  const lines = [
    '| behaviour | events | upstream source | changed cells whose counterexample uses it |',
    '| --- | --- | --- | --- |',
    ...BEHAVIOURS.map((b) => `| ${b.name} | ${b.events} | ${b.source} | ${count(b.name)} |`),
    '',
    `Cells whose verdict differs between \`isolated\` and \`production\` (seed ${manifest.seed}, ${manifest.runs} sequences per pair; \`checking/manifest.json\`), with the behaviours the saved counterexample in \`counterexamples/\` uses:`,
    '',
    '| pair | invariant | isolated | production | counterexample uses | events |',
    '| --- | --- | --- | --- | --- | --- |',
    ...changed.map(
      (c) =>
        `| ${c.pair.replace('/', ' × ')} | ${c.invariant} | ${mark(c.isolated)} | ${mark(c.production)} | ${c.uses === null ? 'no file' : c.uses.length === 0 ? 'none of them' : c.uses.join(', ')} | ${c.length ?? ''} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The markers README's generated section sits between. */
export const TABLE_MARKERS = [
  '<!-- environment-table:start -->',
  '<!-- environment-table:end -->',
] as const;

/**
 * `readme` with the text between the markers replaced by `body`; null when a marker is missing.
 */
export function withEnvironmentTable(readme: string, body: string): string | null {
  const [start, end] = TABLE_MARKERS;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) return null;
  return `${readme.slice(0, a + start.length)}\n${body}${readme.slice(b)}`;
}
