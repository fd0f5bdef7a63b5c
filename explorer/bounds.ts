/**
 * What the explorer searches: one driver × agent pair, one client, the environment
 * (docs/environment.md) and the bounds that make the space finite (flows, callout entries, polls,
 * delete notifications and traffic events per flow, and the tuples the flows are dealt to).
 *
 * Leaves out: several clients (the explorer's poll is always client 1's) and byte amounts (every
 * traffic event moves {@link TRAFFIC_BYTES}; the abstraction keeps only whether bytes moved).
 */
import type { AgentVariant } from '../engine/agent/AgentVariant.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { DEFAULT_LAYERS } from '../engine/EngineState.js';
import type { Environment } from '../engine/environment.js';
import { DEFAULT_ENVIRONMENT } from '../engine/environment.js';

/** The bounds of one exploration. */
export interface ExploreBounds {
  /** `N`: flows, numbered 1 to N; every one may be established. */
  readonly flows: number;
  /** `C`: callout entries per flow over the whole path. */
  readonly callouts: number;
  /** `P`: polls in the whole path. */
  readonly polls: number;
  /** `L`: delete notifications (layer associations) per flow. @defaultValue 4 */
  readonly layers: number;
  /** `T`: traffic events per flow over the whole path. @defaultValue 1 */
  readonly traffic: number;
  /**
   * Tuples the flows are dealt to in turn: flow k gets tuple ((k − 1) mod tuples) + 1
   * (production only). @defaultValue flows (no two flows share a tuple)
   */
  readonly tuples?: number;
  /** An explicit tuple per flow (`tupleOf[k − 1]` is flow k's), instead of dealing them in turn. */
  readonly tupleOf?: readonly number[];
}

/** A pair, its environment and its bounds. */
export interface ExploreConfig {
  readonly driver: DriverVariant;
  readonly agent: AgentVariant;
  readonly bounds: ExploreBounds;
  /** What the world around the driver and the agent may do. @defaultValue 'production' */
  readonly environment?: Environment;
}

/** Bytes one traffic event moves. */
export const TRAFFIC_BYTES = 10;

/** Default `T`. */
const DEFAULT_TRAFFIC = 1;

/** The default bounds: one flow, one callout, three polls, `L = 4`, one traffic event. */
export const DEFAULT_BOUNDS: ExploreBounds = {
  flows: 1,
  callouts: 1,
  polls: 3,
  layers: DEFAULT_LAYERS,
  traffic: DEFAULT_TRAFFIC,
};

/** The environment of `c` (production unless it says otherwise). */
export const environmentOf = (c: Pick<ExploreConfig, 'environment'>): Environment =>
  c.environment ?? DEFAULT_ENVIRONMENT;

/** The engine configuration the explorer runs: one client. */
export const engineConfigOf = (c: ExploreConfig): EngineConfig => ({
  driver: c.driver,
  agent: c.agent,
  layers: c.bounds.layers,
  clients: 1,
});

/** The explorer's own count of what each flow has used of its budget (index 0 unused). */
export interface Budget {
  /** calloutEnter events per flow. */
  readonly entered: readonly number[];
  /** traffic events per flow. */
  readonly traffic: readonly number[];
}

/** Nothing used yet. */
export const emptyBudget = (flows: number): Budget => ({
  entered: new Array<number>(flows + 1).fill(0),
  traffic: new Array<number>(flows + 1).fill(0),
});
