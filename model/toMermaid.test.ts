/**
 * The mermaid diagram of the single-flow machine, and the copy of it in model/README.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { flowMachine } from './flowMachine.js';
import { toMermaid } from './toMermaid.js';

describe('toMermaid', () => {
  const text = toMermaid(flowMachine);

  it('draws the flow lifecycle and the poll as two regions', () => {
    expect(text.split('\n')[0]).toBe('stateDiagram-v2');
    for (const line of [
      'lingering_flow1_absent --> lingering_flow1_established : establish',
      'lingering_flow1_established_open --> lingering_flow1_established_ended : reset',
      'lingering_flow1_established_ended --> lingering_flow1_established_lingering : [isStranded]',
      'lingering_flow1_established_inClosedTable --> lingering_flow1_established_drained : [isOutOfTables]',
      'lingering_poll_idle --> lingering_poll_betweenReads : poll [isReadOpenStep]',
    ]) {
      expect(text).toContain(line);
    }
    expect(text).toMatch(/^ {4}--$/m);
  });

  it('is the diagram model/README.md shows', () => {
    const readme = readFileSync(new URL('README.md', import.meta.url), 'utf8');
    const block = /```mermaid\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBe(text);
  });
});
