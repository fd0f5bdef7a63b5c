/**
 * The mermaid diagram of the single-flow machine, and the copy of it in model/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowMachine } from './flowMachine.js';
import { toMermaid } from './toMermaid.js';

describe('toMermaid', () => {
  const text = toMermaid(flowMachine);

  it('draws the flow lifecycle, the poll, the drain and the client as regions', () => {
    expect(text.split('\n')[0]).toBe('stateDiagram-v2');
    for (const line of [
      'lingering_flow1_absent --> lingering_flow1_established : establish',
      'lingering_flow1_established_open --> lingering_flow1_established_ended : reset',
      'lingering_flow1_established_ended --> lingering_flow1_established_lingering : [isStranded]',
      'lingering_flow1_established_inClosedTable --> lingering_flow1_established_drained : [isOutOfTables]',
      'lingering_poll_idle --> lingering_poll_betweenReads : poll [isReadOpenStep, isClientOne, isOpenTableOrder]',
      'lingering_drain_idle --> lingering_drain_holding : drain [isDrainReadStep, hasClosedFlows, isDrainUnblocked]',
      'lingering_client_registered --> lingering_client_expired : clientExpire [isClientOne]',
    ]) {
      expect(text).toContain(line);
    }
    expect(text.match(/^ {4}--$/gm)).toHaveLength(3);
  });

  it('is the diagram model/README.md shows', () => {
    const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(text);
  });
});
