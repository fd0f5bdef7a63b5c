/**
 * Each driver-fix design on the interleavings that matter (docs/semantics.md#driver-fix-variants):
 * the callout spanning the last notify, and the racy release of deferred-move-racy.
 */
import { describe, expect, it } from 'vitest';
import { findAgent } from '../../agent/variants/index.js';
import { flowId } from '../../events.js';
import { seqStates } from '../../seq.js';
import { tableOf } from '../tables.js';
import { driverNames, findDriver } from './index.js';

const tableAfter = (driver: string, text: string) => {
  const s = seqStates(
    { driver: findDriver(driver)!, agent: findAgent('prefix')!, layers: 4, clients: 1 },
    text,
  ).at(-1)!;
  return tableOf(s.driver, flowId(1));
};

describe('driver variants', () => {
  it('lists the documented variants in listing order', () => {
    expect(driverNames.slice(0, 5)).toEqual([
      'original',
      'cas-retry',
      'deferred-move',
      'deferred-move-racy',
      'flow-lock',
    ]);
  });

  it.each([
    ['original', 'open'],
    ['cas-retry', 'open'],
    ['deferred-move', 'closed'],
    ['deferred-move-racy', 'closed'],
    ['flow-lock', 'closed'],
  ])('%s leaves the flow %s when a callout spans the whole last notify', (driver, table) => {
    expect(tableAfter(driver, 'e1 ce1 r1 fd1*4 cx1')).toBe(table);
  });

  it('cas-retry moves the flow when the callout exits between two attempts', () => {
    expect(
      tableAfter('cas-retry', 'e1 ce1 r1 fd1*3 fd1.cas cx1 fd1.retry fd1.move fd1.decrement'),
    ).toBe('closed');
  });

  it('cas-retry strands the flow when the callout outlasts the retries', () => {
    expect(
      tableAfter('cas-retry', 'e1 ce1 r1 fd1*3 fd1.cas fd1.retry fd1.retry fd1.decrement cx1'),
    ).toBe('open');
  });

  it('deferred-move-racy strands the flow when the release reads pendingMove before the last notify sets it', () => {
    expect(
      tableAfter('deferred-move-racy', 'e1 ce1 r1 fd1*3 cx1.readPending fd1 cx1.decrement'),
    ).toBe('open');
  });

  it('deferred-move moves the flow in the same interleaving', () => {
    expect(tableAfter('deferred-move', 'e1 ce1 r1 fd1*3 cx1.decrement fd1 ')).toBe('closed');
    expect(tableAfter('deferred-move', 'e1 ce1 r1 fd1*3 fd1.markPending fd1.decrement cx1')).toBe(
      'closed',
    );
  });
});
