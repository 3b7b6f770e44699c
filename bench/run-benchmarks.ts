/**
 * Runs benchmark suites, each in its own process (so one suite's servers, heap and JIT state cannot skew
 * another's), and prints one JSON document keyed by suite:
 *   node -r @swc-node/register bench/run-benchmarks.ts [suite ...] [--quick]
 * A suite is a script that prints one JSON document on stdout; register new ones in SUITES.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const SUITES: Readonly<Record<string, string>> = {
  ratelimit: 'ratelimit/rate-limit.bench.ts',
  'data-isolation': 'data-isolation/rewrite-cost.ts',
  'mongo-emulator': 'mongo-emulator/bench.ts',
  tenancy: 'tenancy/tenancy.bench.ts',
  payments: 'payments/payments.bench.ts',
  load: 'load/load.bench.ts',
  overload: 'overload/overload.bench.ts',
  'usage-memory': 'usage-memory/usage-memory.bench.ts',
  http: 'http/http.bench.ts',
  fairness: 'fairness/fairness.bench.ts',
  'placement-move': 'placement-move/placement-move.bench.ts',
};

async function runSuite(script: string, extraArgs: readonly string[]): Promise<unknown> {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, script), ...extraArgs],
    {
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (exitCode !== 0) return { failed: `exit code ${exitCode}` };
  try {
    return JSON.parse(stdout) as unknown;
  } catch {
    return { failed: 'did not print one JSON document', output: stdout.slice(-2_000) };
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flags = args.filter((arg) => arg.startsWith('--'));
  const requested = args.filter((arg) => !arg.startsWith('--'));
  const names = requested.length > 0 ? requested : Object.keys(SUITES);
  const results: Record<string, unknown> = {};
  for (const name of names) {
    const script = SUITES[name];
    if (script === undefined)
      throw new Error(`Unknown suite "${name}"; known: ${Object.keys(SUITES).join(', ')}`);
    results[name] = await runSuite(script, flags);
  }
  process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  if (
    Object.values(results).some(
      (result) => typeof result === 'object' && result !== null && 'failed' in result,
    )
  ) {
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
