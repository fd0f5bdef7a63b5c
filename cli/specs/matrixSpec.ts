import { JSON_OPTION, QUIET_OPTION, type CommandSpec } from '../CommandSpec.js';
import { environmentOption, runsOption, seedOption } from './commonOptions.js';

/** `lingering matrix`, the default command. */
export const matrixSpec: CommandSpec = {
  name: 'matrix',
  purpose:
    'every driver × agent pair against every invariant (the default command); exit 0 whatever the verdicts',
  options: {
    environment: environmentOption,
    runs: runsOption,
    seed: seedOption,
    junit: {
      kind: 'text',
      value: 'FILE',
      help: 'also write each cell as a JUnit test case, a violated one failing with its counterexample (never over a file)',
    },
    'update-manifest': {
      kind: 'flag',
      help: 'rewrite checking/manifest.json from both environments',
    },
    json: JSON_OPTION,
    quiet: QUIET_OPTION,
  },
};
