/**
 * Seeds counterexamples/ with the shortest counterexample of every violated cell of the committed
 * manifest: `lingering check --save` per cell (never overwriting a file; pass --replace through to
 * keep the shorter of an existing file and a new find). Run with `npm run counterexamples`.
 */
import { main } from '../cli/main.js';
import { readManifest } from '../properties/manifest.js';

const replace = process.argv.includes('--replace') ? ['--replace'] : [];
const manifest = readManifest();
let failures = 0;
for (const [pair, cells] of Object.entries(manifest.pairs)) {
  const [driver, agent] = pair.split('/') as [string, string];
  for (const [invariant, verdict] of Object.entries(cells)) {
    if (verdict !== 'violated' || invariant === 'EngineMatchesModel') continue;
    const status = await main(['check', '--driver', driver, '--agent', agent, '--invariant', invariant, '--seed', String(manifest.seed), '--save', ...replace], {
      out: (t) => void process.stdout.write(t.split('\n').filter((l) => /^(saved|kept|replaced)/.test(l)).map((l) => `${l}\n`).join('')),
      err: (t) => void process.stderr.write(t),
      errIsTty: false,
    });
    if (status !== 1) {
      failures++;
      process.stderr.write(`${pair} ${invariant}: check found no violation at seed ${manifest.seed}\n`);
    }
  }
}
process.exitCode = failures === 0 ? 0 : 1;
