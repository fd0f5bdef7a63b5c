import { describe, expect, it } from 'vitest';
import { seq } from '../engine/seq.js';
import { inlinePicture, prPicture, PRODUCTION_TRACES } from '../cli/pictureFixtures.js';
import { mermaidText, sequenceDiagram } from './sequenceDiagram.js';

/** The lines inside the red `rect` blocks. */
const highlighted = (source: string): string[] => {
  const lines = source.split('\n');
  const start = lines.indexOf('  rect rgb(255, 221, 221)');
  const end = lines.indexOf('  end', start);
  return start < 0 ? [] : lines.slice(start + 1, end);
};

describe('sequenceDiagram', () => {
  it('draws the PR trace with the five lifelines, in order', () => {
    const source = sequenceDiagram(prPicture());
    expect(source.split('\n').filter((l) => l.startsWith('  participant '))).toEqual([
      '  participant Callout as transport callout',
      '  participant Notify as delete notifications',
      '  participant Driver as driver tables<br/>openFlows · closedFlows · refCount',
      '  participant Agent as agent poll<br/>clients · baselines · closed buffers',
      '  participant Backend as backend',
    ]);
    expect(source.startsWith('sequenceDiagram\n')).toBe(true);
  });

  it('sends each event between the right actors, annotated with what changed', () => {
    const source = sequenceDiagram(prPicture());
    expect(source).toContain(
      '  Callout->>Driver: 3. calloutEnter(1)<br/>refCount 6, 1 callout holding\n',
    );
    expect(source).toContain(
      '  Notify->>Driver: 8. flowDeleteNotify(1)<br/>notify 4/4: cas saw refCount 3 → decrement · refCount 2, still in openFlows\n',
    );
    expect(source).toContain(
      '  Agent->>Driver: 10. poll<br/>read openFlows [1], drained closedFlows []\n',
    );
    expect(source).toContain(
      '  Agent->>Backend: ship<br/>shipped flow 1 TCPClosed 1, TCPFailures {104:1}, +100 B · rate 100% (1 failure / 1 close)\n',
    );
  });

  it('highlights step 12, the poll that ships the failure a second time', () => {
    const lines = highlighted(sequenceDiagram(prPicture()));
    expect(lines[0]).toBe(
      '    Agent->>Driver: 12. poll<br/>read openFlows [1], drained closedFlows []',
    );
    expect(lines[1]).toContain('rate 200% (2 failures / 1 close)');
    expect(lines[2]).toMatch(
      /^ {4}Note over Driver,Backend: ✗ FailuresWithinCloses — connection 1: 2 failures shipped, 1 close \(after step 12\)<br\/>because at step 12 \(poll\)/,
    );
    expect(lines).toHaveLength(3);
  });

  it('highlights the invariant asked for with --invariant', () => {
    const lines = highlighted(sequenceDiagram(prPicture({ invariant: 'RateAtMost100' })));
    expect(lines[2]).toContain(
      '✗ RateAtMost100 — backend: 2 failures over 1 closes: rate 200% (after step 12)',
    );
  });

  it("highlights the file's violated invariant", () => {
    const source = sequenceDiagram(
      inlinePicture(seq('e1 r1 p t1 p'), { violated: 'RateAtMost100' }),
    );
    expect(highlighted(source).at(-1)).toContain('✗ RateAtMost100');
  });

  it('adds a final note after the close-out for an invariant judged at quiescence', () => {
    const source = sequenceDiagram(prPicture({ invariant: 'NoLingeringAtQuiescence' }));
    const lines = source.trimEnd().split('\n');
    expect(lines.slice(-4)).toEqual([
      expect.stringMatching(/^ {2}Note over Callout,Backend: close-out \(\d+ events\): /),
      '  rect rgb(255, 221, 221)',
      expect.stringMatching(
        /^ {4}Note over Callout,Backend: ✗ NoLingeringAtQuiescence — flow 1: ended \(recvRst\) but still in openFlows with refCount 1 \(at quiescence\)<br\/>because at step 8 \(flowDeleteNotify\(1\)\) the last delete notification began with refCount 3/,
      ),
      '  end',
    ]);
  });

  it('says in green that the invariant holds when it does', () => {
    const source = sequenceDiagram(prPicture({ agent: 'postfix', invariant: 'RateAtMost100' }));
    expect(source).toContain(
      '  rect rgb(221, 244, 221)\n    Note over Callout,Backend: ✓ RateAtMost100 holds on this trace\n  end\n',
    );
    expect(source).not.toContain('rgb(255, 221, 221)');
  });

  it('gives the same bytes for the same trace', () => {
    expect(sequenceDiagram(prPicture())).toBe(sequenceDiagram(prPicture()));
  });

  it('escapes the characters that would end a mermaid statement', () => {
    expect(mermaidText('a; b #1\nc')).toBe('a#59; b #35;1<br/>c');
  });
});

describe('sequenceDiagram of an invariant the engine does not judge alone', () => {
  it('says so in a grey note', () => {
    const source = sequenceDiagram(prPicture({ invariant: 'EngineMatchesModel' }));
    expect(source).toMatch(
      / {2}rect rgb\(238, 238, 238\)\n {4}Note over Callout,Backend: \? EngineMatchesModel: judged by comparing the engine with the xstate model/,
    );
  });
});

describe('sequenceDiagram of the production environment', () => {
  const participants = (source: string) =>
    source
      .split('\n')
      .filter((l) => l.startsWith('  participant '))
      .map((l) => l.split(' ')[3]);

  it('gives the drain a lifeline between the driver and the agent, only in a trace that drains', () => {
    expect(participants(sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.drainRace))))).toEqual([
      'Callout',
      'Notify',
      'Driver',
      'Drain',
      'Agent',
      'Backend',
    ]);
    expect(sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.drainRace)))).toContain(
      '  participant Drain as closed-flows drain<br/>held records\n',
    );
    expect(participants(sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.tupleReuse))))).toEqual(
      ['Callout', 'Notify', 'Driver', 'Agent', 'Backend'],
    );
  });

  it('draws the read to the driver, the stores to the agent and churn on the agent itself', () => {
    const source = sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.churn)));
    expect(source).toContain(
      '  Drain->>Driver: 16. drain<br/>read closedFlows [2]: flow 2 refCount 0, freed\n',
    );
    expect(source).toContain(
      "  Drain->>Agent: store(2)<br/>flow 2's record (TCPClosed 1, TCPFailures {}, 0 B) stored into client 1's closed buffer\n",
    );
    expect(source).toMatch(
      / {2}Agent->>Agent: 17\. clientExpire\(1\)<br\/>client 1 expired: lost the baselines of flows \[1, 2\] and the buffered closed records of flows \[2\]#59; no closed record/,
    );
    expect(source).toContain('  Agent->>Agent: 21. clientRegister(1)<br/>client 1 registered');
  });

  it('labels a named client and an order as formatEvent prints them', () => {
    const source = sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.ordered)));
    expect(source).toContain(
      '  Agent->>Driver: 5. poll.readOpen[2, 1]<br/>read openFlows in the order [2, 1]\n',
    );
    expect(sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.twoClients)))).toContain(
      '  Agent->>Driver: 11. poll(client 2)<br/>read openFlows [], drained closedFlows []\n',
    );
  });

  it('spans the highlight note over the lifelines of the step that breaks', () => {
    const merged = highlighted(sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.tupleReuse))));
    expect(merged.at(-1)).toMatch(/^ {4}Note over Driver,Backend: ✗ NoGenuineFailureSuppressed/);
  });

  it("ends the drain's race with the close shipped twice, judged at quiescence", () => {
    const source = sequenceDiagram(inlinePicture(seq(PRODUCTION_TRACES.drainRace)));
    expect(source).toMatch(
      /\n {4}Note over Callout,Backend: ✗ CloseReportedOnce — connection 1: reset shipped 2 closes \(at quiescence\)/,
    );
  });
});

describe('sequenceDiagram: what follows the last step', () => {
  const tail = (source: string, n: number) => source.split('\n').slice(-n - 1, -1);

  it('adds nothing after the last step when the verdict is tied to a step', () => {
    expect(tail(sequenceDiagram(prPicture()), 1)).toEqual([
      '  Agent->>Backend: ship<br/>shipped flow 1 TCPClosed 0, TCPFailures {104:1}, +10 B · rate 300% (3 failures / 1 close)',
    ]);
  });

  it('adds only the verdict note for a safety invariant that holds', () => {
    expect(tail(sequenceDiagram(prPicture({ invariant: 'NoUseAfterFree' })), 4)).toEqual([
      '  Agent->>Backend: ship<br/>shipped flow 1 TCPClosed 0, TCPFailures {104:1}, +10 B · rate 300% (3 failures / 1 close)',
      '  rect rgb(221, 244, 221)',
      '    Note over Callout,Backend: ✓ NoUseAfterFree holds on this trace',
      '  end',
    ]);
  });

  it('puts the close-out note right after the last step, counting one event as one', () => {
    const picture = prPicture({ invariant: 'NoLingeringAtQuiescence' });
    const source = sequenceDiagram({ ...picture, closeOut: picture.closeOut.slice(0, 1) });
    expect(tail(source, 5).slice(0, 3)).toEqual([
      '  Agent->>Backend: ship<br/>shipped flow 1 TCPClosed 0, TCPFailures {104:1}, +10 B · rate 300% (3 failures / 1 close)',
      '  Note over Callout,Backend: close-out (1 event): operations finish, callouts exit, every ended flow gets its 4 notifies, 2 polls with traffic, 2 without',
      '  rect rgb(255, 221, 221)',
    ]);
  });
});

describe('sequenceDiagram: notes and title', () => {
  it('puts the note over the one lifeline of a highlighted step that stays on the agent', () => {
    const highlight = { ...prPicture().highlight!, step: 3 };
    const source = sequenceDiagram({ ...inlinePicture(seq('e1 p exp1')), highlight });
    expect(highlighted(source).at(-1)).toMatch(/^ {4}Note over Agent: ✗ FailuresWithinCloses/);
  });

  it('writes a title of several lines on the one comment line', () => {
    const source = sequenceDiagram({ ...prPicture(), title: 'a\nb\r\nc' });
    expect(source.split('\n')[1]).toBe('  %% a b c: driver original, agent prefix, L=4');
  });
});
