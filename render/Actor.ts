/**
 * The lifelines of the sequence pictures, left to right, and what each is called. The
 * closed-flows drain (docs/environment.md, "The asynchronous closed-flow drain") has a lifeline of
 * its own, drawn only in a trace that drains; the agent's lifeline carries the poll and the
 * clients (registration, expiry). Leaves out: how a picture lays them out.
 */

/** The lifelines, left to right. */
export const ACTORS = ['callout', 'notify', 'driver', 'drain', 'agent', 'backend'] as const;

/** One lifeline. */
export type Actor = (typeof ACTORS)[number];

/** What each lifeline is called in the pictures. */
export const ACTOR_TITLES: Readonly<Record<Actor, string>> = {
  callout: 'transport callout',
  notify: 'delete notifications',
  driver: 'driver tables',
  drain: 'closed-flows drain',
  agent: 'agent poll',
  backend: 'backend',
};

/** The state a lifeline holds, under its title, one or two short lines. */
export const ACTOR_SUBTITLES: Partial<Readonly<Record<Actor, readonly string[]>>> = {
  driver: ['openFlows · closedFlows', 'refCount'],
  drain: ['held records'],
  agent: ['clients · baselines', 'closed buffers'],
};
