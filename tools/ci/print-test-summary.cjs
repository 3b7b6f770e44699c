// Prints the closing line CI reads, "N passed, N failed", from Jest's JSON results. A suite that could not
// run at all (syntax error, failed import) counts as one failure, so a broken file can never look green.
const { readFileSync, existsSync } = require('node:fs');

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const brokenSuites = results.testResults.filter(
  (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
).length;
const failed = results.numFailedTests + brokenSuites;
console.log(`${results.numPassedTests} passed, ${failed} failed`);
process.exit(failed === 0 && results.success ? 0 : 1);
