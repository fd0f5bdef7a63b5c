import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { agentNames } from '../engine/agent/variants/index.js';
import type { DriverVariant } from '../engine/driver/DriverVariant.js';
import { stepNames } from '../engine/driver/DriverVariant.js';
import { driverNames, findDriver } from '../engine/driver/variants/index.js';
import { invariantNames } from '../invariants/index.js';
import { bufferIo } from './io.js';
import { main } from './main.js';

const EXAMPLE = 'counterexamples/pr-50823-three-polls.json';

/** What `replay --json` reports per poll, as far as these tests read it. */
interface ReplayJson {
  readonly polls: readonly {
    readonly backend: { readonly rate: number };
    readonly telemetry: { readonly windows_lingering_flows: number };
  }[];
}

/** What `variants --json` lists, as far as these tests read it. */
interface VariantsJson {
  readonly drivers: readonly {
    readonly name: string;
    readonly operations: Readonly<Record<string, readonly string[]>>;
  }[];
  readonly agents: readonly { readonly name: string }[];
}

/** What `matrix --json` reports, as far as these tests read it. */
interface MatrixJson {
  readonly environment: string;
  readonly seed: number;
  readonly runs: number;
  readonly cells: readonly { readonly driver: string; readonly agent: string }[];
}

async function run(...argv: string[]) {
  const b = bufferIo();
  const status = await main(argv, b.io);
  return { status, stdout: b.stdout(), stderr: b.stderr() };
}

describe('lingering replay', () => {
  it('shows the rate climbing 100%, 200%, 300% with --agent prefix --json', async () => {
    const r = await run('replay', EXAMPLE, '--agent', 'prefix', '--json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as ReplayJson;
    expect(report.polls.map((p) => p.backend.rate)).toEqual([1, 2, 3]);
  });

  it('shows 100% three times and windows_lingering_flows 2 with --agent postfix --json', async () => {
    const report = JSON.parse(
      (await run('replay', EXAMPLE, '--agent', 'postfix', '--json')).stdout,
    ) as ReplayJson;
    expect(report.polls.map((p) => p.backend.rate)).toEqual([1, 1, 1]);
    expect(report.polls[2]?.telemetry.windows_lingering_flows).toBe(2);
  });

  it('prints a per-poll table for people', async () => {
    const r = await run('replay', EXAMPLE);
    expect(r.stdout).toMatch(/^3 +1 +1 +3 +300% +0 /m);
    expect(r.stdout).toContain('✗ RateAtMost100');
  });

  it.each([
    [['replay'], /no FILE/],
    [['replay', 'missing.json'], /missing\.json: got no such file/],
    [
      ['replay', EXAMPLE, '--agent', 'nope'],
      /--agent: got "nope"; allowed: prefix, postfix, encoder-gate, failures-delta/,
    ],
    [['replay', EXAMPLE, '--frob'], /replay option: got "--frob"/],
    [['replay', EXAMPLE, '--clients', 'x'], /--clients: got "x"; allowed: an integer from 1 to 8/],
    [['teleport'], /command: got "teleport"/],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const r = await run(...argv);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

describe('lingering variants', () => {
  it("lists every design of the registries, in their order, with each driver operation's steps", async () => {
    const r = await run('variants', '--json');
    const data = JSON.parse(r.stdout) as VariantsJson;
    expect([r.status, data.drivers.map((d) => d.name), data.agents.map((a) => a.name)]).toEqual([
      0,
      driverNames,
      agentNames,
    ]);
    for (const d of data.drivers) {
      const v = findDriver(d.name) as DriverVariant;
      expect(d.operations).toEqual({
        flowDeleteNotify: stepNames(v.flowDeleteNotify),
        calloutExit: stepNames(v.calloutExit),
      });
    }
  });
});

describe('lingering matrix', () => {
  it('lists every driver × agent × invariant as JSON, in the production environment by default', async () => {
    const r = await run('matrix', '--runs', '1', '--json');
    const m = JSON.parse(r.stdout) as MatrixJson;
    expect([r.status, m.environment, m.seed, m.runs]).toEqual([0, 'production', 1, 1]);
    const pairs = new Set(m.cells.map((c) => `${c.driver}/${c.agent}`));
    expect(pairs.size).toBe(driverNames.length * agentNames.length);
    expect(m.cells.length).toBe(driverNames.length * agentNames.length * invariantNames.length);
  });

  it('runs the isolated environment when asked, and refuses an unknown one', async () => {
    const r = await run('matrix', '--runs', '1', '--environment', 'isolated', '--json');
    expect([r.status, (JSON.parse(r.stdout) as MatrixJson).environment]).toEqual([0, 'isolated']);
    const bad = await run('matrix', '--environment', 'lab');
    expect([bad.status, bad.stderr.trim()]).toEqual([
      2,
      'lingering: --environment: got "lab"; allowed: production, isolated',
    ]);
  });

  it.each([
    [['matrix', '--runs', '0'], /--runs: got 0; allowed: an integer from 1 to 100000/],
    [['matrix', '--seed', 'abc'], /--seed: got "abc"/],
    [['matrix', '--seed', '1.5'], /--seed: got "1.5"/],
  ])('exits 2 for %j', async (argv, message) => {
    const r = await run(...argv);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(message);
  });
});

describe('the lingering binary', () => {
  it('replays the bundled example', () => {
    const out = execFileSync('node', ['bin/lingering.js', 'replay', EXAMPLE], { encoding: 'utf8' });
    expect(out).toContain('300%');
  });

  it('prints one line and no stack trace for a malformed trace', () => {
    const r = spawnSync('node', ['bin/lingering.js', 'replay', 'package.json'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^lingering: package\.json: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
