/**
 * `export` writes its ITF one state at a time (interchange/itfSteps.ts, interchange/writeItf.ts):
 * the text is the one `JSON.stringify(toItf(…), null, 2)` gave for the whole run, on every saved
 * counterexample, whatever the chunking; a refused event stops the states where the engine stops.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTrace } from '../checking/loadTrace.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import type { Event } from '../engine/events.js';
import { clientsNamed } from '../engine/events.js';
import { runEvents } from '../engine/run.js';
import { seq } from '../engine/seq.js';
import type { ItfState } from './itf.js';
import { itfSteps } from './itfSteps.js';
import type { ItfSource } from './toItf.js';
import { ITF_VARS, itfMeta, toItf } from './toItf.js';
import type { ItfHead } from './writeItf.js';
import { itfWriter } from './writeItf.js';

const FILES = readdirSync('counterexamples')
  .filter((f) => f.endsWith('.json'))
  .map((f) => `counterexamples/${f}`);

const configOf = (file: string): { config: EngineConfig; events: readonly Event[] } => {
  const t = loadTrace(file);
  const clients = clientsNamed(t.events);
  const config = {
    driver: findDriver(t.driver)!,
    agent: findAgent(t.agent)!,
    layers: t.layers,
    clients,
  };
  return { config, events: t.events };
};

const sourceOf = (file: string, config: EngineConfig): ItfSource => ({
  source: file,
  driver: config.driver.name,
  agent: config.agent.name,
  layers: config.layers,
  clients: config.clients,
});

const headOf = (source: ItfSource, events: number): ItfHead => ({
  '#meta': itfMeta(source, events),
  vars: ITF_VARS,
});

/** The streamed text, and the chunks it came in. */
function streamed(head: ItfHead, config: EngineConfig, events: readonly Event[]) {
  const chunks: string[] = [];
  const w = itfWriter(head, (c) => chunks.push(c));
  const refused = itfSteps(config, events, w.state);
  w.end();
  return { refused, chunks, text: chunks.join('') };
}

/** The whole-document export `export` wrote before it streamed. */
function whole(source: ItfSource, config: EngineConfig, events: readonly Event[]): string {
  const run = runEvents(config, events);
  if (!run.ok) throw run.error;
  return `${JSON.stringify(toItf(run.value, events, source), null, 2)}\n`;
}

describe('the streamed ITF export', () => {
  it.each(FILES)('writes %s as the whole-document export did, byte for byte', (file) => {
    const { config, events } = configOf(file);
    const source = sourceOf(file, config);
    const s = streamed(headOf(source, events.length), config, events);
    expect(s.refused).toBeNull();
    expect(s.text).toBe(whole(source, config, events));
    expect((JSON.parse(s.text) as { states: unknown[] }).states).toHaveLength(events.length + 1);
  });

  it('sends a long trace in chunks of about 64 KiB that join to the same text', () => {
    const { config } = configOf(FILES[0]!);
    const events = seq(`e1 ${'t1 p '.repeat(300)}`);
    const source = sourceOf('long.json', config);
    const s = streamed(headOf(source, events.length), config, events);
    expect(s.chunks.length).toBeGreaterThan(3);
    for (const c of s.chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(64 * 1024);
    for (const c of s.chunks) expect(c.length).toBeLessThan(80 * 1024);
    expect(s.text).toBe(whole(source, config, events));
  });

  it('writes no state as an empty list, as JSON.stringify does', () => {
    const head: ItfHead = { '#meta': { format: 'ITF' }, vars: ['x'] };
    const chunks: string[] = [];
    itfWriter(head, (c) => chunks.push(c)).end();
    expect(chunks.join('')).toBe(`${JSON.stringify({ ...head, states: [] }, null, 2)}\n`);
  });

  it('stops at a refused event: the start and the states before it, then the located error', () => {
    const { config } = configOf(FILES[0]!);
    const seen: ItfState[] = [];
    const refused = itfSteps(config, seq('e1 t1 cx1 p'), (s) => seen.push(s));
    expect(refused?.message).toBe('events[2] calloutExit(1): no callout in flight on flow 1');
    expect(seen.map((s) => s['#meta'])).toEqual([
      { index: 0, action: 'init' },
      { index: 1, action: 'establish(1)' },
      { index: 2, action: 'traffic(1, 10)' },
    ]);
  });
});
