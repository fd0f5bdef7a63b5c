import { JSON_OPTION, type CommandSpec } from '../CommandSpec.js';

/** `lingering variants`. */
export const variantsSpec: CommandSpec = {
  name: 'variants',
  purpose: "list the driver and agent designs, with each driver operation's step names",
  options: { json: JSON_OPTION },
};
