import { connect } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

const POLL_INTERVAL_MS = 20;
const PROBE_TIMEOUT_MS = 500;

export interface WaitForRedisReadyOptions {
  host: string;
  port: number;
  /** The process expected to answer; another server already on the port must not count as ready. */
  pid: number;
  timeoutMs: number;
  /** Aborted when waiting is pointless, e.g. the server process already exited. */
  signal?: AbortSignal;
  /** The server's `requirepass`: the probe authenticates first. */
  password?: string;
}

/**
 * Resolves once the given redis-server process serves commands. A listening socket is not enough (Redis
 * accepts connections while it still answers -LOADING), and a plain PING is not either: when the port was
 * taken in the meantime, the other server answers PING while ours is still failing to bind. `INFO server`
 * answers like PING does and also names the process behind the port.
 */
export async function waitForRedisReady({
  host,
  port,
  pid,
  timeoutMs,
  signal,
  password,
}: WaitForRedisReadyOptions): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await processIdServing(host, port, password)) !== pid) {
    signal?.throwIfAborted();
    if (Date.now() > deadline) {
      throw new Error(`redis-server (pid ${pid}) did not serve ${host}:${port} within ${timeoutMs} ms`);
    }
    await delay(POLL_INTERVAL_MS);
  }
}

function processIdServing(host: string, port: number, password?: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let reply = '';
    const finish = (pid: number | undefined): void => {
      socket.destroy();
      resolve(pid);
    };
    socket.setTimeout(PROBE_TIMEOUT_MS, () => finish(undefined));
    socket.once('error', () => finish(undefined));
    socket.once('close', () => finish(undefined));
    // AUTH as an inline command would split a password at spaces; the RESP array form carries it whole.
    const auth =
      password === undefined ? '' : `*2\r\n$4\r\nAUTH\r\n$${Buffer.byteLength(password)}\r\n${password}\r\n`;
    socket.once('connect', () => socket.write(`${auth}INFO server\r\n`));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (password !== undefined && reply.startsWith('+OK\r\n')) reply = reply.slice('+OK\r\n'.length);
      if (reply.startsWith('-')) finish(undefined);
      const processId = /process_id:(\d+)/.exec(reply)?.[1];
      if (processId !== undefined) finish(Number(processId));
    });
  });
}
