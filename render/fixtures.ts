/**
 * Pictures the render tests share: the PR #50823 trace under a chosen agent, and any inline
 * trace. Test support only; the renderers never import it.
 */
import { pictureOf } from '../cli/renderCommand.js';
import { loadTrace } from '../cli/loadTrace.js';
import type { Event } from '../engine/events.js';
import type { Trace } from '../engine/trace.js';
import type { TracePicture } from './TracePicture.js';

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
