import { describe, expect, it } from 'vitest';
import type { Actor } from './Actor.js';
import { lifelines } from './lifelines.js';

const message = (from: Actor, to: Actor) => ({ from, to, label: 'm', detail: '' });
const ALL = ['callout', 'notify', 'driver', 'drain', 'agent', 'backend'];

describe('lifelines', () => {
  it('leaves the drain out of a trace that never drains', () => {
    expect(lifelines([message('agent', 'driver')])).toEqual(ALL.filter((a) => a !== 'drain'));
  });

  it('draws the drain when a message leaves it', () => {
    expect(lifelines([message('drain', 'agent')])).toEqual(ALL);
  });

  it('draws the drain when a message reaches it', () => {
    expect(lifelines([message('driver', 'drain')])).toEqual(ALL);
  });
});
