/**
 * The backend's failure rate (engine/backend/backend.ts `rate`) as people read it: a whole
 * percentage, as the product shows it (`sum_of_all_failures * 100 / TCPClosed`), or `none` while
 * no close has shipped. Every report, picture and verdict that prints a rate prints it with this.
 *
 * @example
 * formatRate(1.5) //=> '150%'
 * formatRate(null) //=> '—'
 * formatRate(null, 'no close yet') //=> 'no close yet'
 */
export const formatRate = (rate: number | null, none = '—'): string =>
  rate === null ? none : `${Math.round(rate * 100)}%`;
