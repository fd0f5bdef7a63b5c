import { JSON_OPTION, QUIET_OPTION, type CommandSpec } from '../CommandSpec.js';
import { environmentOption, runsOption, seedOption } from './commonOptions.js';

/** Where `report` writes when `--out` is not given. */
export const DEFAULT_OUT = 'reports/lingering';

/** `lingering report`. */
export const reportSpec: CommandSpec = {
  name: 'report',
  purpose: "write one HTML page: the matrix and every counterexample's diagram and chart",
  options: {
    out: {
      kind: 'text',
      value: 'DIR',
      default: DEFAULT_OUT,
      help: 'where to write (a non-empty directory it did not create is refused)',
    },
    runs: runsOption,
    seed: seedOption,
    environment: environmentOption,
    force: { kind: 'flag', help: 'write into a non-empty --out directory' },
    json: JSON_OPTION,
    quiet: QUIET_OPTION,
  },
};
