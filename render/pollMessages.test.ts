import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture } from '../cli/pictureFixtures.js';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { newEngine } from '../engine/EngineState.js';
import { runEvents } from '../engine/run.js';
import { pollMessages } from './pollMessages.js';

/** The arrows of each step of a hand-written trace, as `from->to label | detail`. */
const arrows = (text: string, fields: Parameters<typeof inlinePicture>[1] = {}): string[][] =>
  inlinePicture(seq(text), fields).steps.map((s) =>
    s.messages.map((m) => `${m.from}->${m.to} ${m.label} | ${m.detail}`),
  );

/** The 'ship' arrows' details, one per completed poll. */
const shipped = (text: string, fields: Parameters<typeof inlinePicture>[1] = {}): string[] =>
  inlinePicture(seq(text), fields).steps.flatMap((s) =>
    s.messages.filter((m) => m.label === 'ship').map((m) => m.detail),
  );

describe('pollMessages: the reads', () => {
  it('draws a whole poll as both reads, then what shipped', () => {
    expect(arrows('p')).toEqual([
      [
        'agent->driver poll | read openFlows [], drained closedFlows []',
        'agent->backend ship | nothing shipped · rate — (0 failures / 0 closes)',
      ],
    ]);
  });

  it('draws a poll run step by step as one read per step, shipping after the second', () => {
    expect(arrows('e1 t1 p.readOpen p.readClosed').slice(2)).toEqual([
      ['agent->driver poll.readOpen | read openFlows [1]'],
      [
        'agent->driver poll.readClosed | drained closedFlows []',
        'agent->backend ship | shipped flow 1 TCPClosed 0, TCPFailures {}, +10 B · rate — (0 failures / 0 closes)',
      ],
    ]);
  });

  it('names the client an unnamed poll reads for when there are several', () => {
    expect(arrows('e1 p@2 p.readOpen p.readClosed').slice(2)).toEqual([
      ['agent->driver poll.readOpen | client 2: read openFlows [1]'],
      [
        'agent->driver poll.readClosed | drained closedFlows []',
        'agent->backend ship | client 2: nothing shipped · rate — (0 failures / 0 closes)',
      ],
    ]);
  });

  it('leaves the client out of the read of a poll that names it in its label', () => {
    expect(arrows('e1 p@2 p@2.readOpen')[2]).toEqual([
      'agent->driver poll(client 2).readOpen | read openFlows [1]',
    ]);
  });
});

describe('pollMessages: the ship', () => {
  it('lists every record a poll shipped', () => {
    expect(shipped('e1 e2 t2 p')).toEqual([
      'shipped flow 1 TCPClosed 0, TCPFailures {}, +0 B and flow 2 TCPClosed 0, TCPFailures {}, +10 B · rate — (0 failures / 0 closes)',
    ]);
  });

  it('names the client of a poll when there are several, or when the poll names it', () => {
    expect(shipped('e1 p@2 p')).toEqual([
      'client 2: shipped flow 1 TCPClosed 0, TCPFailures {}, +0 B · rate — (0 failures / 0 closes)',
      'client 2: nothing shipped · rate — (0 failures / 0 closes)',
    ]);
    expect(shipped('e1 p@1 p')).toEqual([
      'client 1: shipped flow 1 TCPClosed 0, TCPFailures {}, +0 B · rate — (0 failures / 0 closes)',
      'nothing shipped · rate — (0 failures / 0 closes)',
    ]);
  });

  it('gives the telemetry only when this poll counted a lingering flow', () => {
    const ships = shipped('e1 ce1 r1 fd1*4 cx1 p e2@1 r2 t1 p@1 p@2', { agent: 'postfix' });
    expect(ships.slice(1)).toEqual([
      'client 1: shipped tuple 1 merged from flows 1 + 2: TCPClosed 1, TCPFailures {}, +10 B (failures: suppressed flow 1 {104:1}; lost flow 2 {104:1}) · rate 50% (1 failure / 2 closes) · windows_lingering_flows 1',
      'client 2: shipped tuple 1 merged from flows 1 + 2: TCPClosed 2, TCPFailures {104:1}, +10 B (failures: kept flow 1 {104:1}; lost flow 2 {104:1}) · rate 50% (1 failure / 2 closes)',
    ]);
  });
});

describe('pollMessages of a poll step out of turn', () => {
  const config = {
    driver: findDriver('original')!,
    agent: findAgent('prefix')!,
    layers: 4,
    clients: 1,
  };
  const start = newEngine(config);

  it('reads only closedFlows for a readClosed, and ships nothing when no poll completed', () => {
    expect(pollMessages(start, { type: 'poll', step: 'readClosed' }, start)).toEqual([
      { from: 'agent', to: 'driver', label: 'poll.readClosed', detail: 'drained closedFlows []' },
      { from: 'agent', to: 'backend', label: 'ship', detail: 'nothing shipped' },
    ]);
  });

  it('reads only closedFlows for a whole poll while one is part-way through', () => {
    const run = runEvents(config, seq('p.readOpen'));
    if (!run.ok) throw run.error;
    const mid = run.value.at(-1)!;
    expect(pollMessages(mid, { type: 'poll' }, mid)[0]?.detail).toBe('drained closedFlows []');
  });
});
