/**
 * `lingering model`: the acceptance figures (the PR race for original, nothing for deferred-move),
 * the text and diagram forms, and one-line usage errors with exit 2.
 */
import { describe, expect, it } from 'vitest';
import * as xstate from 'xstate';
import { main } from '../cli/main.js';
import { bufferIo } from '../cli/io.js';
import { flowMachine } from '../model/flowMachine.js';
import { toStatelyCode } from '../model/toStatelyCode.js';

async function model(...argv: string[]) {
  const b = bufferIo();
  const code = await main(['model', ...argv], b.io);
  return { code, out: b.stdout(), err: b.stderr() };
}

describe('lingering model', () => {
  it('reports the PR race as the shortest path to a lingering flow (original, --json)', async () => {
    const r = await model('--driver', 'original', '--flows', '1', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      states: number;
      transitions: number;
      lingeringPath: unknown[];
    };
    expect(report).toMatchObject({
      driver: 'original',
      agent: 'prefix',
      flows: 1,
      layers: 4,
      lingeringReachable: true,
    });
    expect(report.states).toBeGreaterThan(0);
    expect(report.transitions).toBeGreaterThan(report.states);
    const notify = [
      { type: 'flowDeleteNotify', flow: 1, step: 'cas' },
      { type: 'flowDeleteNotify', flow: 1, step: 'decrement' },
    ];
    expect(report.lingeringPath).toEqual([
      { type: 'establish', flow: 1 },
      { type: 'calloutEnter', flow: 1 },
      { type: 'reset', flow: 1 },
      ...notify,
      ...notify,
      ...notify,
      ...notify,
      { type: 'calloutExit', flow: 1, step: 'decrement' },
    ]);
  });

  it('reports no lingering flow for deferred-move', async () => {
    const r = await model('--driver', 'deferred-move', '--flows', '1', '--json');
    expect(JSON.parse(r.out)).toMatchObject({ lingeringReachable: false, lingeringPath: [] });
  });

  it('prints the counts and the numbered path as text, each step with its flow', async () => {
    const r = await model('--driver', 'deferred-move-racy');
    expect(r.out).toMatch(/^model deferred-move-racy \+ prefix: 1 flow, L=4/);
    expect(r.out).toMatch(/[\d,]+ reachable states, [\d,]+ transitions/);
    expect(r.out).toContain('lingering reachable: yes, shortest path (13 events):');
    expect(r.out).toMatch(/13\. calloutExit\(1\)\.decrement +flow 1 lingering, refCount 1/);
    expect(r.err).toBe('');
  });

  it('says the smaller bounds it uses for two flows', async () => {
    const r = await model('--flows', '2', '--json');
    expect(JSON.parse(r.out)).toMatchObject({
      flows: 2,
      layers: 1,
      callouts: 1,
      polls: 0,
      symmetry: true,
      lingeringReachable: true,
    });
    expect((await model('--flows', '2')).out).toContain(
      '2 flows multiply: L and callouts default to 1',
    );
  });

  it('writes the machine as a mermaid diagram', async () => {
    const r = await model('--format', 'mermaid');
    expect(r.out.split('\n')[0]).toBe('stateDiagram-v2');
  });

  it('writes code Stately Studio imports, which builds a machine of the same states and transitions', async () => {
    const r = await model('--format', 'stately');
    expect(r.out).toBe(toStatelyCode(flowMachine));
    const body = r.out.replace(/^import[^\n]*\n\nexport const machine = /, 'return ');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- runs the generated code as Stately Studio would
    const build = new Function('createMachine', body) as (
      create: typeof xstate.createMachine,
    ) => xstate.AnyStateMachine;
    const copy = build(xstate.createMachine);
    const shape = (m: xstate.AnyStateMachine) => {
      const rows: string[] = [];
      const walk = (n: xstate.AnyStateNode) => {
        for (const [e, ts] of n.transitions)
          for (const t of ts)
            rows.push(`${n.id} ${e} ${(t.target ?? []).map((x) => x.id).join(',')}`);
        for (const t of n.always ?? [])
          rows.push(`${n.id} always ${(t.target ?? []).map((x) => x.id).join(',')}`);
        for (const c of Object.values(n.states) as xstate.AnyStateNode[]) walk(c);
      };
      walk(m.root);
      return rows;
    };
    expect(shape(copy)).toEqual(shape(flowMachine));
  });

  it.each([
    [['--driver', 'orignal'], /^lingering: --driver: got "orignal"; allowed: original, cas-retry/],
    [['--agent', 'fix'], /^lingering: --agent: got "fix"; allowed: prefix, postfix/],
    [['--flows', '0'], /^lingering: --flows: got 0; allowed: an integer from 1 to 3/],
    [['--layers', 'four'], /^lingering: --layers: got "four"/],
    [['--format', 'svg'], /^lingering: --format: got "svg"; allowed: text, json, mermaid, stately/],
    [['--json', '--format', 'mermaid'], /^lingering: --json: got with --format mermaid/],
    [['extra'], /^lingering: model arguments: got "extra"; allowed: --driver, --agent/],
    [['--depth', '3'], /^lingering: model option: got "--depth"/],
  ])('refuses %j with one line and exit 2', async (argv, message) => {
    const r = await model(...argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });
});
