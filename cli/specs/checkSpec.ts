import { SCHEDULERS } from '../../checking/pct/runsToFirstViolation.js';
import { MAX_LAYERS } from '../../engine/trace.js';
import { JSON_OPTION, QUIET_OPTION, type CommandSpec } from '../CommandSpec.js';
import {
  agentOption,
  driverOption,
  environmentOption,
  invariantOption,
  runsOption,
  seedOption,
} from './commonOptions.js';

/** `lingering check`. */
export const checkSpec: CommandSpec = {
  name: 'check',
  purpose:
    'search one pair, shrink, compare with the breadth-first minimum, print the program and the reason; exit 1 on a violation',
  options: {
    driver: { ...driverOption(), required: true },
    agent: { ...agentOption(), required: true },
    invariant: invariantOption('only this invariant (default: any)'),
    seed: seedOption,
    runs: runsOption,
    layers: {
      kind: 'int',
      value: 'L',
      min: 1,
      max: MAX_LAYERS,
      default: 4,
      help: 'associations per flow',
    },
    save: {
      kind: 'flag',
      help: 'write counterexamples/<driver>--<agent>--<Invariant>.json (never over a file)',
    },
    replace: { kind: 'flag', help: 'with --save, keep the shorter of the two' },
    out: { kind: 'text', value: 'DIR', default: 'counterexamples/', help: 'where --save writes' },
    scheduler: {
      kind: 'choice',
      value: 'S',
      values: SCHEDULERS,
      default: 'uniform',
      help: 'how sequences are generated (pct: the bug-depth scheduler)',
    },
    depth: {
      kind: 'int',
      value: 'D',
      min: 1,
      max: 10,
      default: 2,
      help: "the pct scheduler's bug depth",
    },
    environment: {
      ...environmentOption,
      help: 'the environment (with --scheduler pct: isolated, its default)',
    },
    json: JSON_OPTION,
    quiet: QUIET_OPTION,
  },
};
