/**
 * A trace as a mermaid `sequenceDiagram`: a lifeline per actor (the drain's only when the trace
 * drains), a numbered message per event with what changed, the breaking step in a red `rect`, a
 * final note for a quiescence verdict. Text only; nothing is rendered here.
 */
import type { Actor } from './Actor.js';
import { ACTOR_SUBTITLES, ACTOR_TITLES } from './Actor.js';
import type { StepView } from './describeSteps.js';
import { lifelines } from './lifelines.js';
import type { Highlight, TracePicture } from './TracePicture.js';
import { verdictLines } from './verdictLine.js';

/** Mermaid's participant ids, one per lifeline. */
const MERMAID_IDS: Readonly<Record<Actor, string>> = {
  callout: 'Callout',
  notify: 'Notify',
  driver: 'Driver',
  drain: 'Drain',
  agent: 'Agent',
  backend: 'Backend',
};

/** The highlight's background: red for a violation, green when it holds, grey when not judged. */
const RED = 'rect rgb(255, 221, 221)';
const GREEN = 'rect rgb(221, 244, 221)';
const GREY = 'rect rgb(238, 238, 238)';

/**
 * Makes text safe inside a mermaid message or note: `;` and `#` would end the statement or start
 * an entity, so they become mermaid's entity codes; line breaks become `<br/>`.
 *
 * @example
 * mermaidText('a; b #1') //=> 'a#59; b #35;1'
 */
export const mermaidText = (text: string): string =>
  text.replace(/[#;]/g, (c) => (c === '#' ? '#35;' : '#59;')).replace(/\r?\n/g, '<br/>');

/** `Note over A,B` spanning the actors a step touches, among the picture's lifelines. */
function noteSpan(lanes: readonly Actor[], actors: readonly Actor[]): string {
  const order = actors.map((a) => lanes.indexOf(a)).sort((a, b) => a - b);
  const first = lanes[order[0] ?? 0] as Actor;
  const last = lanes[order[order.length - 1] ?? lanes.length - 1] as Actor;
  return first === last
    ? `Note over ${MERMAID_IDS[first]}`
    : `Note over ${MERMAID_IDS[first]},${MERMAID_IDS[last]}`;
}

const ALL = `Note over ${MERMAID_IDS.callout},${MERMAID_IDS.backend}`;

function messageLines(step: StepView, indent: string): string[] {
  return step.messages.map((m, i) => {
    const label = i === 0 ? `${step.index}. ${m.label}` : m.label;
    return `${indent}${MERMAID_IDS[m.from]}->>${MERMAID_IDS[m.to]}: ${mermaidText(`${label}\n${m.detail}`)}`;
  });
}

const verdictText = (h: Highlight): string =>
  mermaidText(
    verdictLines(h)
      .map((l) => l.trim())
      .join('\n'),
  );

function stepLines(step: StepView, picture: TracePicture, lanes: readonly Actor[]): string[] {
  const highlight = picture.highlight;
  if (highlight === null || highlight.step !== step.index) return messageLines(step, '  ');
  const actors = step.messages.flatMap((m) => [m.from, m.to]);
  return [
    `  ${RED}`,
    ...messageLines(step, '    '),
    `    ${noteSpan(lanes, actors)}: ${verdictText(highlight)}`,
    '  end',
  ];
}

/** The notes after the last event: the close-out, and a verdict not tied to a step. */
function finalLines(picture: TracePicture): string[] {
  const h = picture.highlight;
  if (h === null || h.step !== undefined) return [];
  const lines: string[] = [];
  if (h.when === 'quiescence') {
    const n = picture.closeOut.length;
    lines.push(
      `  ${ALL}: ${mermaidText(`close-out (${n} event${n === 1 ? '' : 's'}): operations finish, callouts exit, every ended flow gets its ${picture.layers} notifies, 2 polls with traffic, 2 without`)}`,
    );
  }
  const tone = h.verdict === 'violated' ? RED : h.verdict === 'holds' ? GREEN : GREY;
  lines.push(`  ${tone}`, `    ${ALL}: ${verdictText(h)}`, '  end');
  return lines;
}

/** `participant Driver as driver tables<br/>openFlows · closedFlows · refCount`. */
const participant = (a: Actor): string => {
  const sub = ACTOR_SUBTITLES[a];
  return `  participant ${MERMAID_IDS[a]} as ${ACTOR_TITLES[a]}${sub === undefined ? '' : `<br/>${sub.join(' · ')}`}`;
};

/**
 * The mermaid source of a trace's picture.
 *
 * @example
 * sequenceDiagram(picture).split('\n').slice(0, 3)
 * //=> ['sequenceDiagram', '  %% counterexamples/pr-50823-three-polls.json: driver original, agent prefix, L=4', '  participant Callout as transport callout']
 */
export function sequenceDiagram(picture: TracePicture): string {
  const lanes = lifelines(picture.steps.flatMap((s) => s.messages));
  const head = [
    'sequenceDiagram',
    `  %% ${picture.title.replace(/\r?\n/g, ' ')}: driver ${picture.driver}, agent ${picture.agent}, L=${picture.layers}`,
    ...lanes.map(participant),
  ];
  const body = picture.steps.flatMap((s) => stepLines(s, picture, lanes));
  return `${[...head, ...body, ...finalLines(picture)].join('\n')}\n`;
}
