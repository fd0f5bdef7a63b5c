/**
 * NoUseAfterFree: nothing touches a flow once it was freed.
 */
import { describe, expect, it } from 'vitest';
import { stateAfter } from '../../checking/fixtures/states.js';
import { NoUseAfterFree } from './NoUseAfterFree.js';

const { check } = NoUseAfterFree;

describe('NoUseAfterFree', () => {
  it('is judged after every step, with its documented statement', () => {
    expect([NoUseAfterFree.name, NoUseAfterFree.statement, NoUseAfterFree.when]).toEqual([
      'NoUseAfterFree',
      'no access to a freed flow',
      'everyStep',
    ]);
  });

  it('holds for a freed flow nothing touched again', () => {
    expect(check(stateAfter('e1 r1 fd1*4 p t1'))).toEqual({ ok: true });
  });

  it('fails on accesses to a freed flow, counting them', () => {
    const s = stateAfter('e1 e2 r2 fd2*4 p');
    const flows = s.driver.flows.slice();
    flows[2] = { ...flows[2]!, accessesAfterFree: 2 };
    expect(check({ ...s, driver: { ...s.driver, flows } })).toEqual({
      ok: false,
      subject: 'flow 2',
      detail: '2 access(es) after it was freed',
    });
  });
});
