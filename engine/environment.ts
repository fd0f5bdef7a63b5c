/**
 * The environment a check runs in (docs/environment.md): what the world around the driver and the
 * agent may do. `production` is what the Windows host and system-probe do; `isolated` is the
 * narrower world kept for comparison. The engine replays any event; the environment decides which
 * events the generators write and the explorer tries.
 */

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
