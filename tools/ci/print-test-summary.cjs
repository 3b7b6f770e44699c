// Prints the closing line CI reads, "N passed, N failed", from one or more Jest JSON result files (the suite on
// one Redis server, then the Redis-sensitive specs on a Redis Cluster), adding their counts. A suite that could
// not run at all (syntax error, failed import) counts as one failure, and so does a run that left no results
// file, so a broken file or run can never look green.
const { readFileSync, existsSync } = require('node:fs');

const files = process.argv.slice(2);
let passed = 0;
let failed = files.length === 0 ? 1 : 0;
let success = files.length > 0;
for (const file of files) {
  if (!existsSync(file)) {
    failed += 1;
    success = false;
    continue;
  }
  const results = JSON.parse(readFileSync(file, 'utf8'));
  const brokenSuites = results.testResults.filter(
    (suite) => suite.status === 'failed' && suite.assertionResults.length === 0,
  ).length;
  passed += results.numPassedTests;
  failed += results.numFailedTests + brokenSuites;
  success = success && results.success;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && success ? 0 : 1);
