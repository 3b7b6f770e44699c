import { execFile } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { promisify } from 'node:util';

import { findFreePort } from '../find-free-port';
import { RedisServerProcess } from './redis-server-process';

const MASTERS = 3;
const REPLICAS_PER_MASTER = 1;
/** How long a master may be unreachable before its replica is promoted; short, for fault tests. */
const NODE_TIMEOUT_MS = 2_000;
const READY_TIMEOUT_MS = 60_000;
const POLL_INTERVAL_MS = 100;
const START_ATTEMPTS = 3;

const run = promisify(execFile);

/**
 * A loopback address of the cluster's own (Linux answers all of 127.0.0.0/8), not 127.0.0.1: on a machine
 * where other test runs start and stop servers all the time, their clients keep reconnecting to ports of
 * 127.0.0.1 they once used, and would write into a node that took such a port.
 */
function ownLoopbackAddress(): string {
  return `127.${1 + randomInt(254)}.${randomInt(256)}.${1 + randomInt(254)}`;
}

/**
 * A real Redis Cluster on loopback: 3 masters and 3 replicas, each a redis-server process on a free port,
 * joined with `redis-cli --cluster create … --cluster-replicas 1`, as an operator would build one. For tests
 * of everything that must work on a cluster, and for fault tests (a master killed → its replica takes over).
 */
export class RedisClusterProcess {
  private constructor(
    readonly host: string,
    readonly servers: readonly RedisServerProcess[],
    private readonly configDir: string,
    /** Every node's `requirepass` (and `masterauth`), when the cluster was started with one. */
    readonly password: string | undefined,
  ) {}

  /**
   * Starts and joins the nodes; tries again on fresh ports if that fails (a port handed out free may be taken
   * before its node binds it).
   */
  static async start(
    options: { readonly password?: string } = {},
    attempts = START_ATTEMPTS,
  ): Promise<RedisClusterProcess> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await RedisClusterProcess.startOnce(options.password);
      } catch (error) {
        if (attempt >= attempts) throw error;
      }
    }
  }

  private static async startOnce(password: string | undefined): Promise<RedisClusterProcess> {
    const host = ownLoopbackAddress();
    const configDir = await mkdtemp(join(tmpdir(), 'tenantpay-redis-cluster-'));
    const servers: RedisServerProcess[] = [];
    try {
      for (let index = 0; index < MASTERS * (1 + REPLICAS_PER_MASTER); index += 1) {
        const nodeDir = join(configDir, `node-${index}`);
        await mkdir(nodeDir);
        servers.push(
          await RedisServerProcess.start({
            host,
            ...(password === undefined ? {} : { password }),
            extraArguments: [
              // A directory of its own: a replica writes the RDB its master sends it there (dump.rdb), and a
              // node loads any dump.rdb it finds there at start.
              '--dir',
              nodeDir,
              '--cluster-enabled',
              'yes',
              '--cluster-config-file',
              join(nodeDir, 'nodes.conf'),
              '--cluster-node-timeout',
              String(NODE_TIMEOUT_MS),
              // A free port of its own for the cluster bus: the default (port + 10000) may be taken, or be
              // past 65535, for a port the kernel handed out from its ephemeral range.
              // Peers see connections from 127.0.0.1 whatever loopback address a node listens on.
              '--cluster-announce-ip',
              host,
              '--cluster-port',
              String(await findFreePort(host)),
            ],
          }),
        );
      }
      const cluster = new RedisClusterProcess(host, servers, configDir, password);
      await run('redis-cli', [
        ...cluster.authArguments(),
        '--cluster',
        'create',
        ...servers.map((server) => `${host}:${server.port}`),
        '--cluster-replicas',
        String(REPLICAS_PER_MASTER),
        '--cluster-yes',
      ]).catch((error: Error & { stdout?: string; stderr?: string }) => {
        throw new Error(`redis-cli --cluster create failed: ${error.stdout ?? ''}${error.stderr ?? ''}`);
      });
      await cluster.waitUntilHealthy();
      return cluster;
    } catch (error) {
      await Promise.all(servers.map((server) => server.stop()));
      await rm(configDir, { recursive: true, force: true });
      throw error;
    }
  }

  /** `host:port` of every node, as REDIS_CLUSTER_NODES takes them. */
  get seeds(): string {
    return this.servers.map((server) => `${this.host}:${server.port}`).join(',');
  }

  /** The server currently serving `slot` as master (to kill the master of a given key in fault tests). */
  async masterOf(slot: number): Promise<RedisServerProcess> {
    for (const server of this.servers) {
      const shards = await this.cli(server, 'CLUSTER', 'SLOTS').catch(() => '');
      // `redis-cli` prints CLUSTER SLOTS flat: start, end, master ip, master port, master id, replicas…
      const lines = shards.split('\n');
      for (let index = 0; index + 3 < lines.length; index += 1) {
        const start = Number(lines[index]);
        const end = Number(lines[index + 1]);
        if (lines[index + 2] !== this.host || !(start <= slot && slot <= end)) continue;
        const port = Number(lines[index + 3]);
        const master = this.servers.find((candidate) => candidate.port === port);
        if (master !== undefined) return master;
      }
    }
    throw new Error(`No master serves slot ${slot}`);
  }

  /**
   * Resolves once every running node reports `cluster_state:ok` and every slot served, and every replica has
   * synced with its master. Slots are served as soon as `--cluster create` returns, but replicas attach and
   * sync later, and a replica that never synced refuses to take over (its data counts as too old): a fault
   * test that killed a master before then would wait for a failover that never comes.
   */
  async waitUntilHealthy(timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const running = this.servers.filter((server) => server.pid !== undefined);
      const [states, replication] = await Promise.all([
        Promise.all(running.map((server) => this.cli(server, 'CLUSTER', 'INFO').catch(() => ''))),
        Promise.all(running.map((server) => this.cli(server, 'INFO', 'replication').catch(() => ''))),
      ]);
      const clusterOk = states.every(
        (info) => info.includes('cluster_state:ok') && info.includes('cluster_slots_ok:16384'),
      );
      const syncedReplicas = replication.filter(
        (info) => info.includes('role:slave') && info.includes('master_link_status:up'),
      ).length;
      const masters = replication.filter((info) => info.includes('role:master')).length;
      if (clusterOk && masters >= MASTERS && syncedReplicas === running.length - masters) return;
      if (Date.now() > deadline) throw new Error(`Redis Cluster not healthy after ${timeoutMs} ms`);
      await delay(POLL_INTERVAL_MS);
    }
  }

  /**
   * Every node restarted on its port with no data, as a whole cluster without persistence would come back:
   * each node keeps its cluster configuration file (its id, slots and peers), so the cluster re-forms with the
   * same topology, empty.
   */
  async restart(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.stop()));
    await Promise.all(this.servers.map((server) => server.startAgain()));
    await this.waitUntilHealthy();
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((server) => server.stop()));
    await rm(this.configDir, { recursive: true, force: true });
  }

  private async cli(server: RedisServerProcess, ...command: string[]): Promise<string> {
    const { stdout } = await run('redis-cli', [
      ...this.authArguments(),
      '-h',
      this.host,
      '-p',
      String(server.port),
      ...command,
    ]);
    return stdout;
  }

  /** redis-cli's: REDISCLI_AUTH would do too, but arguments keep the child's environment untouched. */
  private authArguments(): string[] {
    return this.password === undefined ? [] : ['-a', this.password, '--no-auth-warning'];
  }
}
