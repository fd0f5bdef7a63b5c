/**
 * How the bench prints: numbers with thousands separators, seconds, ratios, megabytes, and
 * plain-text tables with aligned columns.
 *
 * Leaves out: Markdown (bench/RESULTS.md is written by hand from this output).
 */

/** A count, rounded, with thousands separators. */
export const n = (x: number): string => Math.round(x).toLocaleString('en-US');

/** Seconds: two decimals below 10, one above. */
export const s = (x: number): string => (x < 10 ? x.toFixed(2) : x.toFixed(1));

/** a / b as `1.23×`, or `—` when b is 0. */
export const ratio = (a: number, b: number): string => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');

/** A peak resident set given in KB, as MB; `n/a` when it was not measured. */
export const mb = (kb: number | null): string =>
  kb === null ? 'n/a' : (kb / 1024).toFixed(kb < 10 * 1024 ? 1 : 0);

/** The empty cell. */
export const NONE = '—';

const pad = (x: string, w: number) => (x.length >= w ? x : x + ' '.repeat(w - x.length));

/** Rows as aligned columns, two spaces apart; the first row is the header. */
export function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => pad(c, widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Prints one line on standard output. */
export const out = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
