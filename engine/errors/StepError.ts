/**
 * An event the engine refuses to apply because it does not fit the current state: a callout exit
 * with no callout in flight, an event on a flow that was never established, a step out of order.
 *
 * @remarks
 * A refused event is a malformed input, not an invariant violation: the engine's state is left as
 * it was. `index` is the event's position in the trace when the event came from one.
 *
 * @example
 * new StepError('calloutExit(1)', 'no callout in flight on flow 1').message
 * //=> 'calloutExit(1): no callout in flight on flow 1'
 */
export class StepError extends Error {
  override readonly name = 'StepError';
  readonly event: string;
  readonly reason: string;
  readonly index: number | undefined;

  constructor(event: string, reason: string, index?: number) {
    super(`${index === undefined ? '' : `events[${index}] `}${event}: ${reason}`);
    this.event = event;
    this.reason = reason;
    this.index = index;
  }

  /** The same error, located at position `index` of a trace. */
  at(index: number): StepError {
    return new StepError(this.event, this.reason, index);
  }
}
