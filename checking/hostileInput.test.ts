/**
 * Hostile input by class rather than by case: any nesting depth past the limit, any number past a
 * field's bound (up to 1e308, and past 2^53 where doubles stop being exact), traffic that adds up
 * past the engine's exact range, and files that are not regular files. Each is refused in one
 * line that names the field's own limit, within the parser (no stack, no hang, no partial read).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fc, it } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { MAX_CLIENT, MAX_FLOW } from '../engine/events.js';
import { MAX_JSON_DEPTH } from '../engine/jsonDepth.js';
import { MAX_LAYERS, parseTrace } from '../engine/trace.js';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';
import { invariantNames } from '../invariants/index.js';

const SEED = 20261130;
const names = { drivers: driverNames, agents: agentNames, invariants: invariantNames };

const trace = (fields: Record<string, unknown>, events: readonly unknown[]): string =>
  JSON.stringify({
    format: 'lingering-trace/v1',
    driver: 'original',
    agent: 'prefix',
    ...fields,
    events,
  });

const refusal = (text: string): string => {
  const r = parseTrace(text, names);
  if (r.ok) throw new Error('accepted');
  expect(r.error.message).not.toContain('\n');
  return r.error.message;
};

/** Numbers past every bound: past 2^53, huge, and the double range's edge. */
const huge = fc.oneof(
  fc.integer({ min: 1, max: 1000 }).map((k) => 2 ** 53 + 2 * k),
  fc.double({ min: 1e16, max: 1e308, noNaN: true }),
  fc.constant(1e308),
);

describe(`hostile input (seed ${SEED})`, () => {
  it.prop(
    [
      fc.integer({ min: MAX_JSON_DEPTH + 1, max: 100_000 }),
      fc.constantFrom('[', '{"a":'),
      fc.constantFrom('events', 'agent', 'driver'),
    ],
    { seed: SEED, numRuns: 40 },
  )('refuses any nesting past the limit, at any place, naming the limit', (depth, open, field) => {
    const close = open === '[' ? ']' : '}';
    const deep = `${open.repeat(depth)}1${close.repeat(depth)}`;
    const text = trace({}, []).replace(`"${field}":`, `"${field}":${deep},"x${field}":`);
    expect(refusal(text)).toContain(`at most ${MAX_JSON_DEPTH} levels`);
  });

  const fields = [
    { event: (n: number) => ({ type: 'establish', flow: n }), bound: MAX_FLOW },
    { event: (n: number) => ({ type: 'establish', flow: 1, tuple: n }), bound: MAX_FLOW },
    { event: (n: number) => ({ type: 'poll', client: n }), bound: MAX_CLIENT },
  ];
  it.prop([huge, fc.constantFrom(...fields)], { seed: SEED, numRuns: 200 })(
    "names each event field's own bound, never the double's, for any number past it",
    (n, f) => {
      expect(refusal(trace({}, [f.event(n)]))).toMatch(new RegExp(`allowed: at most ${f.bound}$`));
    },
  );

  it.prop([huge], { seed: SEED, numRuns: 50 })(
    "names the layers bound, never the double's, for any number past it",
    (n) => {
      expect(refusal(trace({ layers: n }, []))).toMatch(new RegExp(`at most ${MAX_LAYERS}$`));
    },
  );

  it('accepts traffic up to 2^53 − 1 bytes in all and refuses the event that passes it', () => {
    const chunk = 1e12;
    const within = Math.floor(Number.MAX_SAFE_INTEGER / chunk);
    const traffic = (n: number) => [
      { type: 'establish', flow: 1 },
      ...Array.from({ length: n }, () => ({ type: 'traffic', flow: 1, bytes: chunk })),
    ];
    expect(parseTrace(trace({}, traffic(within)), names).ok).toBe(true);
    expect(refusal(trace({}, traffic(within + 1)))).toMatch(
      new RegExp(`^events\\[${within + 1}\\]\\.bytes: got .* past 2\\^53 − 1 bytes`),
    );
  });

  it.each(['replay', 'render', 'export', 'audit'])(
    '%s refuses a FIFO, a device and a directory in one line, without reading them',
    async (command) => {
      const dir = mkdtempSync(join(tmpdir(), 'lingering-hostile-'));
      const fifo = join(dir, 'fifo');
      execFileSync('mkfifo', [fifo]);
      writeFileSync(join(dir, 'plain.json'), '{}');
      const extra =
        command === 'render'
          ? ['--format', 'svg']
          : command === 'export'
            ? ['--format', 'itf']
            : [];
      for (const file of [fifo, '/dev/zero', dir]) {
        const b = bufferIo();
        const status = await main([command, file, ...extra], b.io);
        expect(status).toBe(2);
        expect(b.stderr()).toMatch(/^lingering: \S.*; allowed: .*regular file/);
        expect(b.stderr().trimEnd().split('\n')).toHaveLength(1);
      }
    },
  );
});
