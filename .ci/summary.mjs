// Prints "N passed, N failed" summed over vitest's JSON reports (npm test, npm run test:deep) and,
// after `--gates FILE`, the gate lines "<name> passed|failed" that .ci/run wrote. A test file that
// failed to load has no test results of its own; it counts as one failure so that it cannot pass
// unnoticed, and so does a report that is missing (its run did not finish).
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
const args = process.argv.slice(2);
const g = args.indexOf('--gates');
if (g !== -1) {
  const [gates] = args.splice(g, 2).slice(1);
  const lines = existsSync(gates) ? readFileSync(gates, 'utf8').split('\n').filter(Boolean) : [];
  if (lines.length === 0) failed += 1;
  for (const line of lines) {
    if (line.endsWith(' passed')) passed += 1;
    else failed += 1;
  }
}
for (const path of args) {
  if (!existsSync(path)) {
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(path, 'utf8'));
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles;
}
console.log(`${passed} passed, ${failed} failed`);
