/**
 * Pictures the render tests share: the PR #50823 trace under a chosen agent, and any inline
 * trace. Test support only; the renderers never import it.
 */
import { pictureOf } from './renderCommand.js';
import { loadTrace } from '../checking/loadTrace.js';
import type { Event } from '../engine/events.js';
import type { Trace } from '../engine/trace.js';
import type { TracePicture } from '../render/TracePicture.js';

/** The bundled example. */
export const PR_TRACE = 'counterexamples/pr-50823-three-polls.json';

/** The PR trace's picture, with `--agent` / `--invariant` as asked. */
export const prPicture = (request: { agent?: string; invariant?: string } = {}): TracePicture =>
  pictureOf(PR_TRACE, loadTrace(PR_TRACE), request);

/** The picture of an inline trace (driver `original`, agent `prefix`, L=4 unless given). */
export const inlinePicture = (
  events: readonly Event[],
  fields: Partial<Omit<Trace, 'events' | 'format'>> = {},
): TracePicture =>
  pictureOf('inline.json', {
    format: 'lingering-trace/v1',
    driver: 'original',
    agent: 'prefix',
    layers: 4,
    ...fields,
    events,
  });

/**
 * Hand-written traces of the production environment (docs/environment.md), one per new event
 * kind, in the DSL of engine/seq.ts.
 */
export const PRODUCTION_TRACES = {
  /**
   * The drain's race: flow 1 ships its close, the drain reads it, a poll between the read and the
   * store forgets its baseline, and the stored record ships the close a second time.
   */
  drainRace: 'e1 r1 p fd1*4 d.read p d.store p',
  /** A whole drain of two flows, then a poll ships both. */
  wholeDrain: 'e1 e2 f1 r2 fd1*4 fd2*4 d p',
  /** The only client has expired: the drain's store is dropped, the poll re-creates the client. */
  dropped: 'e1 r1 fd1*4 exp1 d p',
  /** Flow 2 takes flow 1's tuple while flow 1 is still in openFlows: one merged record. */
  tupleReuse: 'e1 r1 e2@1 r2 p',
  /** The same, read in the order 2, 1: flow 2's record is the kept one. */
  ordered: 'e1 r1 e2@1 r2 p.readOpen[2,1] p.readClosed',
  /** Client 1 expires with baselines and a buffered record, a poll re-creates it; it expires, registers. */
  churn: 'e1 e2 t1 p ce1 r1 f2 fd1*4 fd2*4 d exp1 t1 p exp1 reg1 t1 p',
  /** Two clients, each polled by name; the drain stores into both. */
  twoClients: 'e1 t1 p@1 p@2 r1 fd1*4 d p@2 p@1',
} as const;
