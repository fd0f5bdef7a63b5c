/**
 * Seeds counterexamples/ with the shortest counterexample of every violated cell of the committed
 * manifest: `lingering check --save` per cell, in the isolated environment for the cells violated
 * there and in production for the cells only production violates (never overwriting a file; pass
 * --replace through to keep the shorter of an existing file and a new find). Run with
 * `npm run counterexamples`.
 */
import { flag, scriptOptions } from '../cli/args.js';
import { main } from '../cli/main.js';
import { readManifest } from '../checking/manifest.js';

const replace = scriptOptions(
  {
    name: 'counterexamples',
    purpose: 'save the shortest counterexample of every violated cell',
    options: {
      replace: { kind: 'flag', help: 'keep the shorter of an existing file and the new one' },
    },
  },
  (p) => (flag(p, 'replace') ? ['--replace'] : []),
);
const manifest = readManifest();
const isolated = manifest.environments.isolated?.pairs ?? {};
const production = manifest.environments.production?.pairs ?? {};
let failures = 0;
for (const [environment, pairs] of [
  ['isolated', isolated],
  ['production', production],
] as const) {
  for (const [pair, cells] of Object.entries(pairs)) {
    const [driver, agent] = pair.split('/') as [string, string];
    for (const [invariant, verdict] of Object.entries(cells)) {
      if (verdict !== 'violated' || invariant === 'EngineMatchesModel') continue;
      // A cell isolated already violates keeps its isolated counterexample.
      if (environment === 'production' && isolated[pair]?.[invariant] === 'violated') continue;
      const argv = [
        'check',
        '--driver',
        driver,
        '--agent',
        agent,
        '--invariant',
        invariant,
        '--environment',
        environment,
        '--seed',
        String(manifest.seed),
        '--save',
        ...replace,
      ];
      const status = await main(argv, {
        out: (t) =>
          void process.stdout.write(
            t
              .split('\n')
              .filter((l) => /^(saved|kept|replaced)/.test(l))
              .map((l) => `${l}\n`)
              .join(''),
          ),
        err: (t) => void process.stderr.write(t),
        errIsTty: false,
      });
      if (status !== 1) {
        failures++;
        process.stderr.write(
          `${environment} ${pair} ${invariant}: check found no violation at seed ${manifest.seed}\n`,
        );
      }
    }
  }
}
process.exitCode = failures === 0 ? 0 : 1;
