// The entry of a search worker thread (parallelBreadthFirst.ts): loads the TypeScript worker
// through tsx, as bin/lingering.js loads the command line, whatever way the parent was started.
import { register } from 'tsx/esm/api';

register();
await import('./searchWorker.ts');
