/**
 * `npm run history-fixtures`: writes the example histories under `history/fixtures/`
 * (history/makeFixtures.ts) after an engine change; cli/auditCommand.test.ts fails while the
 * committed files differ from what this writes.
 */
import { writeFileSync } from 'node:fs';
import { scriptOptions } from '../cli/args.js';
import { FIXTURES, FIXTURES_DIR, fixtureText } from '../history/makeFixtures.js';

scriptOptions(
  { name: 'history-fixtures', purpose: 'rewrite history/fixtures/', options: {} },
  () => undefined,
);
for (const f of FIXTURES) {
  writeFileSync(`${FIXTURES_DIR}${f.file}`, fixtureText(f));
  process.stdout.write(`wrote history/fixtures/${f.file}: ${f.about}\n`);
}
