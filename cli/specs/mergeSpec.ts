import { JSON_OPTION, type CommandSpec } from '../CommandSpec.js';

/** `lingering merge FILE...`. */
export const mergeSpec: CommandSpec = {
  name: 'merge',
  operands: {
    name: 'FILE',
    count: 'many',
    allowed: 'one or more files written by explore --fingerprints',
  },
  purpose:
    "union the fingerprint files of explore --shard runs (same pair, environment, bounds and tuples) into one search's counts and verdicts; exit 1 on a violation",
  options: { json: JSON_OPTION },
};
