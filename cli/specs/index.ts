/**
 * Every `lingering` command's table, in the order the help and the README list them.
 */
import type { CommandSpec } from '../CommandSpec.js';
import { auditSpec } from './auditSpec.js';
import { checkSpec } from './checkSpec.js';
import { exploreSpec } from './exploreSpec.js';
import { exportSpec } from './exportSpec.js';
import { matrixSpec } from './matrixSpec.js';
import { mergeSpec } from './mergeSpec.js';
import { modelSpec } from './modelSpec.js';
import { renderSpec } from './renderSpec.js';
import { replaySpec } from './replaySpec.js';
import { reportSpec } from './reportSpec.js';
import { variantsSpec } from './variantsSpec.js';

export const COMMAND_SPECS: readonly CommandSpec[] = [
  matrixSpec,
  replaySpec,
  checkSpec,
  modelSpec,
  renderSpec,
  reportSpec,
  auditSpec,
  exportSpec,
  exploreSpec,
  mergeSpec,
  variantsSpec,
];
