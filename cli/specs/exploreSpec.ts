import { DEFAULT_BOUNDS } from '../../explorer/bounds.js';
import { MAX_LAYERS } from '../../engine/trace.js';
import { JSON_OPTION, QUIET_OPTION, type CommandSpec } from '../CommandSpec.js';
import { agentOption, driverOption, environmentOption, invariantOption } from './commonOptions.js';

/** Most flows an exhaustive search may ask for. */
const MAX_FLOWS = 16;

/** The most threads `--workers` may ask for. */
const MAX_WORKERS = 64;

/** `lingering explore`. */
export const exploreSpec: CommandSpec = {
  name: 'explore',
  purpose:
    'exhaustive breadth-first search of every interleaving within bounds, TLC-style report; exit 1 on a violation',
  options: {
    driver: driverOption('original'),
    agent: agentOption('prefix'),
    environment: environmentOption,
    flows: { kind: 'int', value: 'N', min: 1, max: MAX_FLOWS, default: 2, help: 'flows' },
    tuples: {
      kind: 'int',
      value: 'T',
      min: 1,
      max: MAX_FLOWS,
      default: 'the flows (no two share a 4-tuple)',
      help: '4-tuples the flows share, at most --flows',
    },
    callouts: {
      kind: 'int',
      value: 'C',
      min: 0,
      max: 8,
      default: DEFAULT_BOUNDS.callouts,
      help: 'callouts holding a reference at once, per flow',
    },
    polls: {
      kind: 'int',
      value: 'P',
      min: 0,
      max: 16,
      default: DEFAULT_BOUNDS.polls,
      help: 'polls',
    },
    layers: {
      kind: 'int',
      value: 'L',
      min: 1,
      max: MAX_LAYERS,
      default: DEFAULT_BOUNDS.layers,
      help: 'associations per flow',
    },
    traffic: {
      kind: 'int',
      value: 'T',
      min: 0,
      max: 8,
      default: DEFAULT_BOUNDS.traffic,
      help: 'traffic events per flow',
    },
    shard: {
      kind: 'text',
      value: 'i/n',
      help: 'search the i-th of n parts (with --fingerprints; lingering merge unites them)',
    },
    fingerprints: { kind: 'text', value: 'FILE', help: "write the search's fingerprints" },
    'max-states': {
      kind: 'int',
      value: 'M',
      min: 1,
      max: 2 ** 31 - 1,
      default: 'none',
      help: 'stop after this many distinct states',
    },
    'max-memory': {
      kind: 'text',
      value: 'SIZE',
      default: "the process's memory at the start plus 60% of free memory",
      help: 'stop incomplete (exit 2) when the search outgrows it, naming the bound to lower; 512M, 8G',
    },
    workers: {
      kind: 'int',
      value: 'N',
      min: 1,
      max: MAX_WORKERS,
      default: 'every core from 3 flows, else 1',
      help: 'threads searching',
    },
    'no-restart': { kind: 'flag', help: 'one search, without restarting at the widest level' },
    invariant: invariantOption('only this invariant (default: all)'),
    stop: { kind: 'flag', help: 'stop at the first violation (of --invariant when given)' },
    'no-symmetry': { kind: 'flag', help: 'no symmetry reduction' },
    'no-por': { kind: 'flag', help: 'no partial-order reduction' },
    ample: { kind: 'flag', help: 'persistent sets (isolated environment only)' },
    'no-minimise': { kind: 'flag', help: 'keep the first counterexample found, not the shortest' },
    'quiescence-every-state': {
      kind: 'flag',
      help: 'judge the quiescence invariants at every state, not only final ones',
    },
    out: {
      kind: 'text',
      value: 'FILE',
      help: 'write the (first) counterexample (never over a file)',
    },
    'out-dir': { kind: 'text', value: 'DIR', help: 'write every counterexample into DIR' },
    json: JSON_OPTION,
    quiet: QUIET_OPTION,
  },
};
