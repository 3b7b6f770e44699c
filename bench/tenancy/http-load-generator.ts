/**
 * A keep-alive HTTP load loop (autocannon is not installed): N connections, each sending its next request as
 * soon as the previous answer is read. It runs in its own child process, forked by the tenancy benchmark, so
 * that generating load does not share an event loop with the server it measures.
 */
import http from 'node:http';

export interface LoadRequest {
  readonly port: number;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly connections: number;
  readonly warmupMs: number;
  readonly durationMs: number;
}

export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyP50Us: number;
  readonly latencyP99Us: number;
  /** Every status seen while measuring; anything but 200 means the scenario did not measure what it claims. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly errors: number;
}

function sendOne(agent: http.Agent, load: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { agent, host: '127.0.0.1', port: load.port, path: load.path, method: 'GET', headers: load.headers },
      (response) => {
        response.on('data', () => undefined);
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

async function generateLoad(load: LoadRequest): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: load.connections, noDelay: true });
  const startedAt = performance.now();
  const measureFrom = startedAt + load.warmupMs;
  const stopAt = measureFrom + load.durationMs;
  const latenciesUs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;

  const connection = async (): Promise<void> => {
    while (performance.now() < stopAt) {
      const sentAt = performance.now();
      let status: number | 'error';
      try {
        status = await sendOne(agent, load);
      } catch {
        status = 'error';
      }
      // Only requests both sent and answered inside the window count, so warm-up never leaks in.
      if (sentAt < measureFrom || performance.now() > stopAt) continue;
      if (status === 'error') {
        errors += 1;
        continue;
      }
      latenciesUs.push((performance.now() - sentAt) * 1000);
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: load.connections }, connection));
  agent.destroy();

  latenciesUs.sort((a, b) => a - b);
  return {
    requests: latenciesUs.length,
    requestsPerSecond: latenciesUs.length / (load.durationMs / 1000),
    latencyP50Us: nearestRank(latenciesUs, 0.5),
    latencyP99Us: nearestRank(latenciesUs, 0.99),
    statuses,
    errors,
  };
}

function nearestRank(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

if (require.main === module) {
  process.on('message', (load: LoadRequest) => {
    generateLoad(load).then(
      (result) => process.send?.(result, () => process.exit(0)),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  });
}
