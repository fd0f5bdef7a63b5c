/**
 * README's "Input limits" table says what the code enforces: each row's numbers are the
 * constants the parsers use, and the refusals of the first value past each bound name the same
 * number.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agentNames } from '../engine/agent/variants/index.js';
import { driverNames } from '../engine/driver/variants/index.js';
import { MAX_CLIENT, MAX_FLOW } from '../engine/events.js';
import { MAX_JSON_DEPTH } from '../engine/jsonDepth.js';
import { MAX_LAYERS, parseTrace } from '../engine/trace.js';
import { MAX_POLLS } from '../history/parseHistory.js';
import { invariantNames } from '../invariants/index.js';
import { bufferIo } from '../cli/io.js';
import { main } from '../cli/main.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const table = /### Input limits\n[\s\S]*?\n\n(\|[\s\S]*?)\n\n/.exec(README)?.[1] ?? '';
const row = (input: string): string =>
  table.split('\n').find((l) => l.startsWith(`| ${input}`)) ?? '';
const names = { drivers: driverNames, agents: agentNames, invariants: invariantNames };

/** The refusal of a one-event trace, or of its `layers`. */
function refusal(event: Record<string, unknown>, layers = 4): string {
  const text = JSON.stringify({
    format: 'lingering-trace/v1',
    driver: 'original',
    agent: 'prefix',
    layers,
    events: [event],
  });
  const r = parseTrace(text, names);
  return r.ok ? '' : r.error.message;
}

describe("README's input limits", () => {
  it('has a row for each input', () => {
    for (const input of [
      'trace file',
      'flow and tuple',
      'clients',
      'layers',
      'traffic',
      'history file',
      'payload fields',
      '`explore` bounds',
    ])
      expect(row(input)).not.toBe('');
  });

  it('states the bounds the trace parser refuses past', () => {
    expect(row('flow and tuple')).toContain(`1–${MAX_FLOW}`);
    expect(refusal({ type: 'establish', flow: MAX_FLOW + 1 })).toMatch(
      new RegExp(`at most ${MAX_FLOW}$`),
    );
    expect(row('clients')).toContain(`1–${MAX_CLIENT}`);
    expect(refusal({ type: 'poll', client: MAX_CLIENT + 1 })).toMatch(
      new RegExp(`at most ${MAX_CLIENT}$`),
    );
    expect(row('layers')).toContain(`1–${MAX_LAYERS}`);
    expect(refusal({ type: 'poll' }, MAX_LAYERS + 1)).toMatch(new RegExp(`at most ${MAX_LAYERS}$`));
    expect(row('trace file')).toContain(`nested at most ${MAX_JSON_DEPTH} levels`);
    expect(row('traffic')).toContain('1–10¹² bytes per event');
    expect(refusal({ type: 'traffic', flow: 1, bytes: 1e12 + 1 })).toMatch(
      /at most 1000000000000$/,
    );
    expect(row('history file')).toContain(`at most ${MAX_POLLS.toLocaleString('en-US')} payloads`);
  });

  it("states explore's bounds as its parser refuses them", async () => {
    const bounds: [string, number][] = [
      ['flows', 16],
      ['callouts', 8],
      ['polls', 16],
      ['layers', 16],
      ['traffic', 8],
      ['workers', 64],
    ];
    for (const [option, most] of bounds) {
      expect(row('`explore` bounds')).toMatch(new RegExp(`\`--${option}\` \\d–${most}\\b`));
      const b = bufferIo();
      expect(await main(['explore', `--${option}`, String(most + 1)], b.io)).toBe(2);
      expect(b.stderr()).toContain(`--${option}`);
      expect(b.stderr()).toContain(String(most));
    }
  });
});
