import { JSON_OPTION, type CommandSpec } from '../CommandSpec.js';
import { agentOption, clientsOption, driverOption, invariantOption } from './commonOptions.js';

/** What `render --format` draws. */
export const RENDER_FORMATS = ['mermaid', 'svg', 'html'] as const;

/** `lingering render FILE`. */
export const renderSpec: CommandSpec = {
  name: 'render',
  operands: {
    name: 'FILE',
    count: 'one',
    allowed: 'a lingering-trace/v1 file, e.g. counterexamples/pr-50823-three-polls.json',
  },
  purpose:
    'draw a trace: a mermaid sequence diagram, an SVG rate chart, or one HTML page (--json: the picture as data)',
  options: {
    format: {
      kind: 'choice',
      value: 'F',
      values: RENDER_FORMATS,
      help: 'what to draw (required unless --json)',
    },
    driver: driverOption("the trace's driver"),
    agent: agentOption("the trace's agent"),
    invariant: invariantOption("the invariant to highlight (default: the trace's violated)"),
    clients: clientsOption,
    json: JSON_OPTION,
  },
};
