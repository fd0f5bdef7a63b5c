/**
 * The environment a check runs in (docs/environment.md): what the world around the driver and the
 * agent may do. `production` is what the Windows host and system-probe do; `isolated` is the
 * narrower world kept for comparison. The engine replays any event; the environment decides which
 * events the generators write and the explorer tries.
 */
import type { Event } from './events.js';

/** The environments, the default first. */
export const ENVIRONMENTS = ['production', 'isolated'] as const;

/** One of {@link ENVIRONMENTS}. */
export type Environment = (typeof ENVIRONMENTS)[number];

/** The default environment. */
export const DEFAULT_ENVIRONMENT: Environment = 'production';

/** The behaviours an environment allows. */
export interface EnvironmentFeatures {
  /**
   * A new connection may take the 4-tuple of one that has ended (`establish` with `tuple`): the
   * agent then merges their records (`connectionAggregator`, pkg/network/state.go).
   */
  readonly tupleReuse: boolean;
  /**
   * The closed-flows-ready goroutine drains `closedFlows` outside the poll (`drain`;
   * `NewTracer`, pkg/network/tracer/tracer_windows.go).
   */
  readonly asyncDrain: boolean;
  /**
   * Clients expire and register during the run (`clientExpire`, `clientRegister`;
   * `RemoveExpiredClients` and `RegisterClient`, pkg/network/state.go).
   */
  readonly clientChurn: boolean;
  /** The driver returns its tables in any order (`poll` steps with `order`). */
  readonly anyOrder: boolean;
}

/**
 * What `env` allows.
 *
 * @example
 * environmentFeatures('isolated').asyncDrain //=> false
 */
export const environmentFeatures = (env: Environment): EnvironmentFeatures => {
  const on = env === 'production';
  return { tupleReuse: on, asyncDrain: on, clientChurn: on, anyOrder: on };
};

/**
 * The environment behaviours a list of events uses: a tuple other than the flow's own, a drain,
 * a client's expiry or registration or a named client's poll, a table read in a given order.
 *
 * @example
 * featuresUsed([{ type: 'drain' }]).asyncDrain //=> true
 */
export function featuresUsed(events: readonly Event[]): EnvironmentFeatures {
  const used = { tupleReuse: false, asyncDrain: false, clientChurn: false, anyOrder: false };
  for (const e of events) {
    if (e.type === 'establish' && e.tuple !== undefined && e.tuple !== e.flow)
      used.tupleReuse = true;
    if (e.type === 'drain') used.asyncDrain = true;
    if (e.type === 'clientRegister' || e.type === 'clientExpire') used.clientChurn = true;
    if (e.type === 'poll' && e.client !== undefined) used.clientChurn = true;
    if (e.type === 'poll' && e.order !== undefined) used.anyOrder = true;
  }
  return used;
}

/**
 * The narrowest environment in which `events` can happen.
 *
 * @example
 * environmentOf([{ type: 'poll' }]) //=> 'isolated'
 */
export const environmentOf = (events: readonly Event[]): Environment =>
  Object.values(featuresUsed(events)).some(Boolean) ? 'production' : 'isolated';
