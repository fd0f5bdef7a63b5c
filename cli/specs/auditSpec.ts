import { ACCEPTED } from '../../history/parseHistory.js';
import { JSON_OPTION, type CommandSpec } from '../CommandSpec.js';

/** `lingering audit FILE...`. */
export const auditSpec: CommandSpec = {
  name: 'audit',
  operands: {
    name: 'FILE',
    count: 'many',
    allowed: `one or more files, each ${ACCEPTED}`,
  },
  purpose:
    'check recorded agent payloads (or a replay --json report) offline, with minimal witnesses; exit 1 on a violation',
  options: { json: JSON_OPTION },
};
