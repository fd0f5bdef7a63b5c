import { describe, expect, it } from 'vitest';
import { findAgent } from './agent/variants/index.js';
import { findDriver } from './driver/variants/index.js';
import { StepError } from './errors/StepError.js';
import { formatEvent } from './events.js';
import { seq, seqStates } from './seq.js';

describe('seq', () => {
  it('reads every token kind, steps, bytes and repeats', () => {
    expect(
      seq('e1 t1 t2:100 ce1 cx1.decrement r1 f2 fd1*2 fd1.cas p p.readOpen').map(formatEvent),
    ).toEqual([
      'establish(1)',
      'traffic(1, 10)',
      'traffic(2, 100)',
      'calloutEnter(1)',
      'calloutExit(1).decrement',
      'reset(1)',
      'fin(2)',
      'flowDeleteNotify(1)',
      'flowDeleteNotify(1)',
      'flowDeleteNotify(1).cas',
      'poll',
      'poll.readOpen',
    ]);
  });

  it('refuses tokens it cannot read', () => {
    expect(() => seq('x1')).toThrow(SyntaxError);
    expect(() => seq('p1')).toThrow(/needs no flow/);
    expect(() => seq('e')).toThrow(/needs a number/);
    expect(() => seq('e1:5')).toThrow(/only traffic takes bytes/);
    expect(() => seq('r1@2')).toThrow(/only establish and poll take @/);
    expect(() => seq('e1[2,1]')).toThrow(/only poll steps take an order/);
  });

  it("reads the environment's tokens: tuples, clients, orders, the drain, churn", () => {
    expect(seq('e2@1 p@2.readOpen[2,1] d d.read d2.store reg1 exp1').map(formatEvent)).toEqual([
      'establish(2, tuple 1)',
      'poll(client 2).readOpen[2, 1]',
      'drain',
      'drain.read',
      'drain.store(2)',
      'clientRegister(1)',
      'clientExpire(1)',
    ]);
  });
});

describe('seq, whole tokens', () => {
  it('names a token it cannot read, and reads only whole tokens', () => {
    expect(() => seq('e1 x1')).toThrow(new SyntaxError('seq: cannot read token x1'));
    expect(() => seq('xe1')).toThrow(new SyntaxError('seq: cannot read token xe1'));
    expect(() => seq('e1z')).toThrow(new SyntaxError('seq: cannot read token e1z'));
  });

  it('reads numbers of two digits: flows, tuples and repeats', () => {
    expect(seq('e12 e2@12 p*12').map(formatEvent)).toEqual([
      'establish(12)',
      'establish(2, tuple 12)',
      ...Array.from({ length: 12 }, () => 'poll'),
    ]);
  });

  it('leaves out the fields a token does not give, rather than setting them undefined', () => {
    // An event written back to a trace must not gain "step" or "tuple" keys.
    expect(seq('e1 cx1 fd1 p d')).toStrictEqual([
      { type: 'establish', flow: 1 },
      { type: 'calloutExit', flow: 1 },
      { type: 'flowDeleteNotify', flow: 1 },
      { type: 'poll' },
      { type: 'drain' },
    ]);
  });

  it('skips empty places in an order and any run of spaces between tokens', () => {
    expect(seq('  p[2,,1]   \n p  ')).toStrictEqual([
      { type: 'poll', order: [2, 1] },
      { type: 'poll' },
    ]);
  });
});

describe('seqStates', () => {
  const config = {
    driver: findDriver('original')!,
    agent: findAgent('prefix')!,
    layers: 4,
    clients: 1,
  };

  it('gives the start and the state after each event', () => {
    expect(seqStates(config, 'e1 t1')).toHaveLength(3);
  });

  it('throws the refusal of an event the engine refuses, located by its index', () => {
    expect(() => seqStates(config, 'e1 cx2')).toThrow(StepError);
    expect(() => seqStates(config, 'e1 cx2')).toThrow(/^events\[1\] calloutExit\(2\): /);
  });
});
