// Preloaded with `node --import` by cli/writeFailures.deep.test.ts, in a process of its own (the suite
// shares one module graph per worker, so a module mock there would not reach code already
// loaded): `fs.writeFileSync` to a path containing LINGERING_FAULT_UNDER writes half of its bytes,
// as a device that fills up does, then throws LINGERING_FAULT_CODE (an errno such as ENOSPC), or
// a plain Error with LINGERING_FAULT_MESSAGE when no code is given.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const under = process.env.LINGERING_FAULT_UNDER;
const code = process.env.LINGERING_FAULT_CODE;
const message = process.env.LINGERING_FAULT_MESSAGE ?? 'injected failure';

if (under !== undefined && under !== '') {
  const real = fs.writeFileSync;
  fs.writeFileSync = (file, data, options) => {
    if (typeof file !== 'string' || !file.includes(under)) return real(file, data, options);
    real(file, typeof data === 'string' ? data.slice(0, data.length / 2) : '', options);
    throw code === undefined
      ? new Error(message)
      : Object.assign(new Error(`${code}: ${message}, write`), { code });
  };
  // ESM's named imports of a builtin follow its CommonJS object only after this.
  syncBuiltinESMExports();
}
