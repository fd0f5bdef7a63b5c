import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import { newEngine } from '../engine/EngineState.js';
import { clientMessage } from './clientMessage.js';

const start = newEngine({
  driver: findDriver('original')!,
  agent: findAgent('prefix')!,
  layers: 4,
  clients: 1,
});

describe('clientMessage', () => {
  it('says a client the agent does not have lost nothing when it expires', () => {
    expect(clientMessage(start, { type: 'clientExpire', client: 2 })).toEqual({
      from: 'agent',
      to: 'agent',
      label: 'clientExpire(2)',
      detail:
        'client 2 expired: lost no baseline and no buffered closed record; no closed record is stored for it until a poll or a registration re-creates it',
    });
  });
});
