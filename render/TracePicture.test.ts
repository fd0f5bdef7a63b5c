import { describe, expect, it } from 'vitest';
import { findAgent } from '../engine/agent/variants/index.js';
import { findDriver } from '../engine/driver/variants/index.js';
import type { EngineConfig } from '../engine/EngineState.js';
import { seq } from '../engine/seq.js';
import type { TraceCheck, Verdict } from '../invariants/checkTrace.js';
import { checkTrace } from '../invariants/checkTrace.js';
import { tracePicture } from './TracePicture.js';

const CONFIG = {
  driver: findDriver('original'),
  agent: findAgent('prefix'),
  layers: 4,
  clients: 1,
} as EngineConfig;
const EVENTS = seq('e1 e2');

const checked = (): TraceCheck => {
  const c = checkTrace(CONFIG, EVENTS);
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
};
const base = checked();
const invariant = base.verdicts[0]?.invariant as Verdict['invariant'];
const verdict = (v: Partial<Verdict>): Verdict => ({ invariant, verdict: 'holds', ...v });
const highlightOf = (verdicts: Verdict[], name?: string) =>
  tracePicture({ ...base, verdicts }, EVENTS, { title: 't', invariant: name }).highlight;

describe('tracePicture', () => {
  it('highlights nothing on a trace that breaks nothing', () => {
    expect(highlightOf([verdict({})])).toBeNull();
  });

  it('highlights the earliest break, not a verdict that holds nor a later break', () => {
    const picked = highlightOf([
      verdict({ subject: 'held' }),
      verdict({ verdict: 'violated', step: 2, subject: 'late', detail: 'd' }),
      verdict({ verdict: 'violated', step: 1, subject: 'early', detail: 'd' }),
    ]);
    expect(picked?.subject).toBe('early');
  });

  it('never highlights a verdict that holds, even one that carries a step', () => {
    const picked = highlightOf([
      verdict({ step: 1, subject: 'held' }),
      verdict({ verdict: 'violated', step: 2, subject: 'broke', detail: 'd' }),
    ]);
    expect(picked?.subject).toBe('broke');
  });

  it('keeps a quiescence violation free of a step, and its subject with an empty detail', () => {
    expect(highlightOf([verdict({ verdict: 'violated', subject: 's' })])).toStrictEqual({
      name: invariant.name,
      statement: invariant.statement,
      when: invariant.when,
      verdict: 'violated',
      subject: 's',
      detail: '',
    });
  });

  it('keeps a violation without a subject free of a subject and detail', () => {
    expect(highlightOf([verdict({ verdict: 'violated', step: 1 })])).toStrictEqual({
      name: invariant.name,
      statement: invariant.statement,
      when: invariant.when,
      verdict: 'violated',
      step: 1,
    });
  });

  it('leaves an invariant the engine does not judge to the model', () => {
    expect(highlightOf([], 'EngineMatchesModel')).toStrictEqual({
      name: 'EngineMatchesModel',
      statement:
        'judged by comparing the engine with the xstate model (lingering model), not drawn here',
      when: 'model',
      verdict: 'unjudged',
    });
  });
});
