/**
 * Runs an invariant's witness (Witness.ts): resolves its pair's names, among the designs and the
 * broken fixtures of checking/fixtures/, and judges the trace. Test support for teeth.test.ts and
 * registry.test.ts.
 */
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import { findAgent } from '../engine/agent/variants/index.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineState } from '../engine/EngineState.js';
import { seq, seqStates } from '../engine/seq.js';
import * as brokenAgents from '../checking/fixtures/brokenAgents.js';
import * as brokenDrivers from '../checking/fixtures/brokenDrivers.js';
import { checkTrace } from './checkTrace.js';
import type { Invariant } from './Invariant.js';
import type { Pair } from './Witness.js';

/** The driver design or broken driver called `name`. */
export const driverNamed = (name: string): DriverVariant | undefined =>
  findDriver(name) ?? Object.values(brokenDrivers).find((d) => d.name === name);

/** The agent design or broken agent called `name`. */
export const agentNamed = (name: string): AgentVariant | undefined =>
  findAgent(name) ?? Object.values(brokenAgents).find((a) => a.name === name);

const configOf = (pair: Pair) => {
  const driver = driverNamed(pair.driver);
  const agent = agentNamed(pair.agent);
  if (driver === undefined || agent === undefined)
    throw new Error(`no pair ${pair.driver} × ${pair.agent}`);
  return { driver, agent, layers: 4, clients: 1 };
};

/** `inv`'s verdict when `trace` runs on `pair`. */
export function verdictOn(inv: Invariant, pair: Pair, trace: string): 'holds' | 'violated' {
  const r = checkTrace(configOf(pair), seq(trace), [inv]);
  if (!r.ok) throw r.error;
  return r.value.verdicts[0]!.verdict;
}

/** `inv`'s verdict on a state. */
const verdictAt = (inv: Invariant, state: EngineState): 'holds' | 'violated' =>
  inv.check(state).ok ? 'holds' : 'violated';

/** The state a witness with an injected fault is judged on. */
export const injectedState = (inv: Invariant): EngineState =>
  (inv.witness.inject ?? ((s: EngineState) => s))(
    seqStates(configOf(inv.witness), inv.witness.trace).at(-1)!,
  );

/** `inv`'s verdict on its own witness: what must be `violated`. */
export function witnessVerdict(inv: Invariant): 'holds' | 'violated' {
  const { witness } = inv;
  return witness.inject === undefined
    ? verdictOn(inv, witness, witness.trace)
    : verdictAt(inv, injectedState(inv));
}

/**
 * `inv`'s verdict on the witness's events with a correct pair (deferred-move × postfix unless the
 * witness names one), or on the state before the injected fault: what must be `holds`.
 */
export function fixedVerdict(inv: Invariant): 'holds' | 'violated' {
  const { witness } = inv;
  if (witness.inject !== undefined)
    return verdictAt(inv, seqStates(configOf(witness), witness.trace).at(-1)!);
  const fixed = witness.fixed ?? { driver: 'deferred-move', agent: 'postfix' };
  return verdictOn(inv, fixed, fixed.trace ?? witness.trace);
}
