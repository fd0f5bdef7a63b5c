/**
 * The state telemetry counters the model keeps (`stateTelemetry` in pkg/network/state.go). Like
 * Go's package-level counters they are shared by every client.
 */

/** Cumulative counters, named as the agent names them. */
export interface AgentTelemetry {
  readonly stats_underflows: number;
  readonly windows_lingering_flows: number;
  readonly conn_dropped: number;
  readonly closed_conn_dropped: number;
  readonly stats_cookie_collisions: number;
}

/** Every counter at 0. */
export const ZERO_TELEMETRY: AgentTelemetry = {
  stats_underflows: 0,
  windows_lingering_flows: 0,
  conn_dropped: 0,
  closed_conn_dropped: 0,
  stats_cookie_collisions: 0,
};

/** Adds `n` to one counter. */
export const bump = (t: AgentTelemetry, name: keyof AgentTelemetry, n = 1): AgentTelemetry => ({
  ...t,
  [name]: t[name] + n,
});
