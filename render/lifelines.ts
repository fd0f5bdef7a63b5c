/**
 * Which lifelines a picture draws: every actor, but the closed-flows drain only in a trace that
 * drains (docs/environment.md), so the pictures of the other traces keep their five lifelines.
 */
import type { Actor } from './Actor.js';
import { ACTORS } from './Actor.js';
import type { Message } from './Message.js';

/**
 * The lifelines of a picture with these messages, left to right.
 *
 * @example
 * lifelines([{ from: 'agent', to: 'driver', label: 'poll', detail: '' }])
 * //=> ['callout', 'notify', 'driver', 'agent', 'backend']
 */
export function lifelines(messages: readonly Message[]): readonly Actor[] {
  const drains = messages.some((m) => m.from === 'drain' || m.to === 'drain');
  return ACTORS.filter((a) => a !== 'drain' || drains);
}
