import { describe, expect, it } from 'vitest';
import { formatEvent } from './events.js';
import { seq } from './seq.js';

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
