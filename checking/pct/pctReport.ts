/**
 * The runs to the first violation under the uniform generator and under PCT, per violated cell and
 * seed, and their table: what `npm run pct-report` (scripts/pctReport.ts) prints. A seed that
 * finds nothing within the cap counts as more than the cap.
 */
import type { PairVerdicts } from '../manifest.js';
import { agentVariants } from '../../engine/agent/variants/index.js';
import { driverVariants } from '../../engine/driver/variants/index.js';
import type { EngineConfig } from '../../engine/EngineState.js';
import { findInvariant } from '../../invariants/index.js';
import type { Invariant } from '../../invariants/Invariant.js';
import type { Scheduler } from './runsToFirstViolation.js';
import { firstViolations } from './runsToFirstViolation.js';

/** One row: a violated cell and what each scheduler needed, per seed. */
export interface PctReportRow {
  readonly driver: string;
  readonly agent: string;
  readonly invariant: string;
  /** Per seed, the 1-based run of the first violation; null when none within the cap. */
  readonly uniform: readonly (number | null)[];
  /** One list per depth of the report, in its order. */
  readonly pct: readonly (readonly (number | null)[])[];
}

/** The violated cells of one environment's verdicts (checking/manifest.json), by pair. */
export function violatedCells(pairs: PairVerdicts): ReadonlyMap<string, readonly string[]> {
  return new Map(
    Object.entries(pairs).map(
      ([pair, cells]) =>
        [
          pair,
          Object.entries(cells)
            .filter(([, v]) => v === 'violated')
            .map(([k]) => k),
        ] as const,
    ),
  );
}

/**
 * The lower median of `xs`, null counting as more than anything.
 *
 * @example
 * median([3, 1, null, 2]) //=> 2
 */
export function median(xs: readonly (number | null)[]): number | null {
  const sorted = [...xs].sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

/** Runs the comparison. */
export function pctReport(options: {
  readonly seeds: number;
  readonly runs: number;
  readonly depths: readonly number[];
  readonly cells: ReadonlyMap<string, readonly string[]>;
  readonly onPair?: (pair: string) => void;
}): PctReportRow[] {
  const rows: PctReportRow[] = [];
  for (const driver of driverVariants) {
    for (const agent of agentVariants) {
      const pair = `${driver.name}/${agent.name}`;
      const names = options.cells.get(pair) ?? [];
      const invariants = names.map(findInvariant).filter((i): i is Invariant => i !== undefined);
      if (invariants.length === 0) continue;
      options.onPair?.(pair);
      const config: EngineConfig = { driver, agent, layers: 4, clients: 1 };
      const per = (scheduler: Scheduler, depth: number) =>
        Array.from({ length: options.seeds }, (_, s) =>
          firstViolations(scheduler, config, invariants, {
            seed: s + 1,
            runs: options.runs,
            depth,
          }),
        );
      const uniform = per('uniform', 0);
      const pct = options.depths.map((d) => per('pct', d));
      for (const inv of invariants) {
        rows.push({
          driver: driver.name,
          agent: agent.name,
          invariant: inv.name,
          uniform: uniform.map((m) => m.get(inv.name) ?? null),
          pct: pct.map((byDepth) => byDepth.map((m) => m.get(inv.name) ?? null)),
        });
      }
    }
  }
  return rows;
}

/** The rows as a Markdown table. */
export function formatPctReport(
  rows: readonly PctReportRow[],
  cap: number,
  depths: readonly number[],
): string {
  const show = (xs: readonly (number | null)[]) => {
    const m = median(xs);
    const found = xs.filter((x) => x !== null).length;
    return `${m === null ? `>${cap}` : String(m)}${found < xs.length ? ` (${found}/${xs.length})` : ''}`;
  };
  const lines = [
    `| driver | agent | invariant | uniform | ${depths.map((d) => `PCT d=${d}`).join(' | ')} |`,
    `| --- | --- | --- | ---: | ${depths.map(() => '---:').join(' | ')} |`,
    ...rows.map(
      (r) =>
        `| ${r.driver} | ${r.agent} | ${r.invariant} | ${show(r.uniform)} | ${r.pct.map(show).join(' | ')} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
