/**
 * Every `--json` report, run in-process on small inputs, parses with its zod schema (the one
 * docs/schemas/ is generated from), and names its format in its first key; the schemas refuse a
 * report with a field added, missing or renamed. So neither the code nor the published schema can
 * change the shape alone (docs/formats.md).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ManifestSchema } from '../checking/ManifestSchema.js';
import { MANIFEST_PATH } from '../checking/manifest.js';
import { FingerprintHeaderSchema, FINGERPRINTS_FORMAT } from '../explorer/FingerprintHeader.js';
import { readFingerprints } from '../explorer/fingerprints.js';
import { ItfTraceSchema } from '../interchange/ofItf.js';
import { SCHEMA_FILES } from '../scripts/schemas.js';
import { bufferIo } from './io.js';
import { main } from './main.js';
import { AuditReportSchema } from './reports/AuditReport.js';
import { CheckReportSchema } from './reports/CheckReport.js';
import { ExploreReportSchema } from './reports/ExploreReport.js';
import { MachineReportSchema } from './reports/MachineReport.js';
import { MatrixReportSchema } from './reports/MatrixReport.js';
import { MergeReportSchema } from './reports/MergeReport.js';
import { ModelReportSchema } from './reports/ModelReport.js';
import { PictureReportSchema } from './reports/PictureReport.js';
import { ReplayReportSchema } from './reports/ReplayReport.js';
import { ReportFilesSchema } from './reports/ReportFiles.js';
import { VariantsReportSchema } from './reports/VariantsReport.js';
import { VersionReportSchema } from './reports/VersionReport.js';

const EXAMPLE = 'counterexamples/pr-50823-three-polls.json';
const TMP = mkdtempSync(join(tmpdir(), 'lingering-report-schemas-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** A small search: one pass, one worker, a few hundred states. */
const SMALL = ['--flows', '2', '--environment', 'isolated', '--layers', '1', '--callouts', '1'];
const SEARCH = [...SMALL, '--polls', '1', '--workers', '1', '--no-restart'];

/** One command whose standard output is one report. */
interface Case {
  readonly name: string;
  readonly argv: readonly string[];
  readonly schema: z.ZodType;
  readonly status: number;
  /** Cases whose files this one reads, run first when they have not run yet. */
  readonly needs?: readonly string[];
}

/** A later case may read what an earlier one wrote, as `needs` says. */
const CASES: readonly Case[] = [
  { name: 'version', argv: ['--version', '--json'], schema: VersionReportSchema, status: 0 },
  { name: 'variants', argv: ['variants', '--json'], schema: VariantsReportSchema, status: 0 },
  {
    name: 'matrix',
    argv: ['matrix', '--runs', '5', '--environment', 'isolated', '--json'],
    schema: MatrixReportSchema,
    status: 0,
  },
  {
    name: 'check, no violation',
    argv: ['check', '--driver', 'original', '--agent', 'prefix', '--runs', '20'].concat([
      '--invariant',
      'RefCountNonNegative',
      '--environment',
      'isolated',
      '--json',
    ]),
    schema: CheckReportSchema,
    status: 0,
  },
  {
    name: 'check, a violation saved',
    argv: ['check', '--driver', 'original', '--agent', 'prefix', '--runs', '20'].concat([
      '--invariant',
      'FailuresWithinCloses',
      '--save',
      '--out',
      TMP,
      '--json',
    ]),
    schema: CheckReportSchema,
    status: 1,
  },
  {
    name: 'check --scheduler pct',
    argv: ['check', '--driver', 'original', '--agent', 'prefix', '--runs', '20'].concat([
      '--scheduler',
      'pct',
      '--json',
    ]),
    schema: CheckReportSchema,
    status: 1,
  },
  { name: 'replay', argv: ['replay', EXAMPLE, '--json'], schema: ReplayReportSchema, status: 0 },
  {
    name: 'audit',
    argv: ['audit', 'history/fixtures/lingering.jsonl', 'history/fixtures/production.jsonl'].concat(
      ['--json'],
    ),
    schema: AuditReportSchema,
    status: 1,
  },
  {
    name: 'audit, clean',
    argv: ['audit', 'history/fixtures/clean.json', '--json'],
    schema: AuditReportSchema,
    status: 0,
  },
  {
    name: 'explore',
    argv: ['explore', ...SEARCH, '--json'],
    schema: ExploreReportSchema,
    status: 1,
  },
  ...[1, 2].map((i) => ({
    name: `explore --shard ${i}/2`,
    argv: [
      'explore',
      ...SEARCH,
      '--shard',
      `${i}/2`,
      '--fingerprints',
      join(TMP, `${i}.fp`),
    ].concat(['--json']),
    schema: ExploreReportSchema,
    status: 1,
  })),
  {
    name: 'merge',
    argv: ['merge', join(TMP, '1.fp'), join(TMP, '2.fp'), '--json'],
    schema: MergeReportSchema,
    status: 1,
    needs: ['explore --shard 1/2', 'explore --shard 2/2'],
  },
  { name: 'render', argv: ['render', EXAMPLE, '--json'], schema: PictureReportSchema, status: 0 },
  {
    name: 'model',
    argv: ['model', '--layers', '1', '--callouts', '1', '--polls', '1', '--json'],
    schema: ModelReportSchema,
    status: 0,
  },
  {
    name: 'model, stately',
    argv: ['model', '--format', 'stately', '--json'],
    schema: MachineReportSchema,
    status: 0,
  },
  {
    name: 'report',
    argv: ['report', '--out', join(TMP, 'site'), '--runs', '1', '--environment', 'isolated'].concat(
      ['--quiet', '--json'],
    ),
    schema: ReportFilesSchema,
    status: 0,
  },
];

async function run(argv: readonly string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

/** What each case printed, parsed. */
const outputs = new Map<string, Record<string, unknown>>();

/**
 * The report of the case named `name`, running it (and what it needs) when no earlier test has:
 * a mutation run may run one test of this file alone, and must judge it as the whole file would.
 */
async function reportOf(name: string): Promise<Record<string, unknown>> {
  const done = outputs.get(name);
  if (done !== undefined) return done;
  const c = CASES.find((x) => x.name === name) as Case;
  for (const n of c.needs ?? []) await reportOf(n);
  const r = await run(c.argv);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(c.status);
  const report = JSON.parse(r.stdout) as Record<string, unknown>;
  outputs.set(c.name, report);
  return report;
}

/** `report` with its `key` removed, the other keys in order. */
const without = (report: Record<string, unknown>, key: string) =>
  Object.fromEntries(Object.entries(report).filter(([k]) => k !== key));

describe.sequential('--json reports', () => {
  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: parses with its schema, format first',
    async (_, c) => {
      const report = await reportOf(c.name);
      const parsed = c.schema.safeParse(report);
      expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      expect(Object.keys(report)[0]).toBe('format');
    },
  );

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s: the schema refuses a field added, missing, renamed or another format',
    async (_, c) => {
      const r = await reportOf(c.name);
      const [, second] = Object.keys(r);
      const refused = (x: unknown) => !c.schema.safeParse(x).success;
      expect(refused({ ...r, unknownField: 1 })).toBe(true);
      expect(refused(without(r, second as string))).toBe(true);
      expect(
        refused({ ...without(r, second as string), [`${second}s`]: r[second as string] }),
      ).toBe(true);
      expect(refused({ ...r, format: `${String(r.format)}x` })).toBe(true);
    },
  );

  it('refuses a field added deep inside a report (strict objects all the way down)', async () => {
    const m = (await reportOf('matrix')) as { cells: Record<string, unknown>[] };
    const cells = m.cells.map((cell, i) => (i === 0 ? { ...cell, note: 'x' } : cell));
    expect(MatrixReportSchema.safeParse({ ...m, cells }).success).toBe(false);
    const a = (await reportOf('audit')) as { claims: { violations: unknown[] }[] };
    expect(a.claims.some((c) => c.violations.length > 0)).toBe(true);
  });

  it('covers every published report schema with a command run here', () => {
    const ran = new Set(CASES.map((c) => c.schema));
    const published = SCHEMA_FILES.filter((f) => f.io === 'output').map((f) => f.schema);
    expect(published.filter((s) => !ran.has(s))).toEqual([]);
    expect([...ran].filter((s) => !published.includes(s))).toEqual([]);
  });

  it('writes a replay report that audit reads back as a history', async () => {
    const report = join(TMP, 'replay.json');
    writeFileSync(report, (await run(['replay', EXAMPLE, '--json'])).stdout);
    const r = await run(['audit', report, '--json']);
    expect(r.stderr).toBe('');
    expect(AuditReportSchema.safeParse(JSON.parse(r.stdout)).success).toBe(true);
  });

  it('exports ITF under --json: upstream format, named in #meta', async () => {
    const r = await run(['export', EXAMPLE, '--json']);
    const itf = JSON.parse(r.stdout) as { '#meta': { format: string } };
    expect(ItfTraceSchema.safeParse(itf).success).toBe(true);
    expect(itf['#meta'].format).toBe('ITF');
  });
});

describe('files', () => {
  it('reads the committed manifest with its schema', () => {
    const manifest: unknown = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8'));
    expect(ManifestSchema.safeParse(manifest).success).toBe(true);
    expect(ManifestSchema.safeParse({ ...(manifest as object), format: 'x' }).success).toBe(false);
  });

  it('writes fingerprint headers that parse with their schema; an older one without environment too', async () => {
    await reportOf('explore --shard 1/2');
    const file = join(TMP, '1.fp');
    const { header } = readFingerprints(file);
    expect(header.format).toBe(FINGERPRINTS_FORMAT);
    const line = readFileSync(file, 'utf8').split('\n')[0] as string;
    const json = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(json)[0]).toBe('format');
    expect(FingerprintHeaderSchema.safeParse(without(json, 'environment')).success).toBe(true);
    expect(FingerprintHeaderSchema.safeParse({ ...json, extra: 1 }).success).toBe(false);
  });
});
