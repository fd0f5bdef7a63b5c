/**
 * `lingering model`: the text report (header with its plurals, the flows note, the counts, the
 * time, and the shortest lingering path with each step's flow), `--json`/`--format json`, the
 * mermaid and Stately forms, and the refusal of `--json` with a text or mermaid format. Bounds are
 * the smallest that show each part, so every exploration takes well under a second.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bufferIo } from './io.js';
import { main } from './main.js';

const NO_LINGERING =
  '  lingering reachable: no (no ended flow stays in openFlows once its notifies and callouts are done)';

/** Runs `model` with `argv`; the clock advances 1.5 s per reading, so the time printed is fixed. */
async function model(...argv: string[]) {
  let clock = 0;
  vi.spyOn(Date, 'now').mockImplementation(() => (clock += 1500));
  const b = bufferIo();
  // --quiet: no progress reporter reads the clock, so only the start and the end do.
  const status = await main(['model', ...argv, '--quiet'], b.io);
  vi.restoreAllMocks();
  return { status, out: b.stdout(), err: b.stderr() };
}

/** deferred-move-racy's model at its smallest: its path holds a pending release. */
const RACY = ['--driver', 'deferred-move-racy', '--layers', '1', '--callouts', '1', '--polls', '0'];

afterEach(() => {
  vi.restoreAllMocks();
});

describe('model, text', () => {
  it('prints the shortest lingering path with each step’s flow state and operations in flight', async () => {
    // deferred-move-racy's path holds a pending release, so both kinds of operation show.
    const r = await model(...RACY);

    expect(r.status).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      [
        'model deferred-move-racy + prefix: 1 flow, L=1, at most 1 callout in flight per flow, 0 polls',
        '  32 reachable states, 46 transitions (1.5 s)',
        '  lingering reachable: yes, shortest path (7 events):',
        '    1. establish(1)                     flow 1 open, refCount 2',
        '    2. calloutEnter(1)                  flow 1 open, refCount 3',
        '    3. reset(1)                         flow 1 ended, refCount 3',
        '    4. calloutExit(1).readPending       flow 1 ended, refCount 3, release next: decrement',
        '    5. flowDeleteNotify(1).markPending  flow 1 ended, refCount 3, notify next: decrement, release next: decrement',
        '    6. flowDeleteNotify(1).decrement    flow 1 ended, refCount 2, release next: decrement',
        '    7. calloutExit(1).decrement         flow 1 lingering, refCount 1',
        '',
      ].join('\n'),
    );
  });

  it('says no lingering flow is reachable, with "0 callouts" and "1 poll"', async () => {
    const r = await model('--layers', '1', '--callouts', '0', '--polls', '1');

    expect(r.status).toBe(0);
    expect(r.out).toBe(
      [
        'model original + prefix: 1 flow, L=1, at most 0 callouts in flight per flow, 1 poll',
        '  108 reachable states, 226 transitions (1.5 s)',
        NO_LINGERING,
        '',
      ].join('\n'),
    );
  });

  it('with two flows, notes the multi-flow defaults (L=1) and the renumbering', async () => {
    // --layers is left out: two flows default to L=1 (one flow would take 4).
    const r = await model('--flows', '2', '--callouts', '0', '--polls', '0');

    expect(r.status).toBe(0);
    expect(r.out).toBe(
      [
        'model original + prefix: 2 flows, L=1, at most 0 callouts in flight per flow, 0 polls',
        "  (2 flows multiply: L and callouts default to 1 and polls to 0; --polls 1 adds the agent's " +
          'reads (two flows: 5–30 s); states are counted up to renumbering the flows)',
        '  55 reachable states, 98 transitions (1.5 s)',
        NO_LINGERING,
        '',
      ].join('\n'),
    );
  });
});

describe('model, json', () => {
  const JSON_REPORT = [
    '{',
    '  "format": "lingering-model-report/v1",',
    '  "driver": "original",',
    '  "agent": "prefix",',
    '  "flows": 1,',
    '  "layers": 1,',
    '  "callouts": 0,',
    '  "polls": 0,',
    '  "symmetry": false,',
    '  "states": 10,',
    '  "transitions": 9,',
    '  "lingeringReachable": false,',
    '  "lingeringPath": []',
    '}',
    '',
  ].join('\n');

  it.each(['--format json', '--json'])(
    '%s prints the report with an empty path when no flow lingers',
    async (format) => {
      const r = await model(
        ...format.split(' '),
        '--layers',
        '1',
        '--callouts',
        '0',
        '--polls',
        '0',
      );

      expect(r.status).toBe(0);
      expect(r.out).toBe(JSON_REPORT);
    },
  );

  it('--json prints the shortest lingering path one event per line', async () => {
    const r = await model(...RACY, '--json');

    expect(r.status).toBe(0);
    expect(r.out.split('\n').slice(8)).toEqual([
      '  "symmetry": false,',
      '  "states": 32,',
      '  "transitions": 46,',
      '  "lingeringReachable": true,',
      '  "lingeringPath": [',
      '    {"type":"establish","flow":1},',
      '    {"type":"calloutEnter","flow":1},',
      '    {"type":"reset","flow":1},',
      '    {"type":"calloutExit","flow":1,"step":"readPending"},',
      '    {"type":"flowDeleteNotify","flow":1,"step":"markPending"},',
      '    {"type":"flowDeleteNotify","flow":1,"step":"decrement"},',
      '    {"type":"calloutExit","flow":1,"step":"decrement"}',
      '  ]',
      '}',
      '',
    ]);
  });

  it('--format json --json together, with two flows, counts up to renumbering', async () => {
    const r = await model(
      '--flows',
      '2',
      '--callouts',
      '0',
      '--polls',
      '0',
      '--format',
      'json',
      '--json',
    );

    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ flows: 2, layers: 1, symmetry: true, states: 55 });
  });
});

describe('model, the machine', () => {
  it('--format mermaid prints a mermaid state diagram', async () => {
    const r = await model('--format', 'mermaid');

    expect(r.status).toBe(0);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'stateDiagram-v2',
      '  state "lingering" as lingering {',
    ]);
  });

  it('--format stately without --json prints code for Stately Studio, not data', async () => {
    const r = await model('--format', 'stately');

    expect(r.status).toBe(0);
    expect(r.out.split('\n').slice(0, 3)).toEqual([
      "import { createMachine } from 'xstate';",
      '',
      'export const machine = createMachine({',
    ]);
  });

  it.each(['mermaid', 'text'])('refuses --json with --format %s', async (format) => {
    const r = await model('--format', format, '--json');

    expect(r.status).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `lingering: --json: got with --format ${format}; allowed: --format json or stately ` +
        '(--json alone is --format json)\n',
    );
  });
});
