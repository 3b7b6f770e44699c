import type { AppConfig } from '@tenantpay/platform';
import type { Connection } from 'mongoose';
import { PlacementCapacityException } from './placement-capacity.exception';
import type { PlacementConnectionOpener } from './placement-connection-opener';
import { PlacementConnections } from './placement-connections';
import { UnknownPlacementException } from './unknown-placement.exception';

const IDLE_MS = 60_000;
const TIMEOUTS = {
  serverSelectionMs: 1000,
  connectMs: 1000,
  socketMs: 900,
  maxTimeMs: 700,
  waitQueueMs: 1000,
  transactionMs: 3000,
};
/** transactionMs + 2 × socketMs + waitQueueMs */
const EVICTION_GRACE_MS = 5_800;

function config(maxOpenPlacements = 2): AppConfig {
  return {
    mongodb: {
      uri: 'mongodb://shared/db',
      placements: { alpha: 'mongodb://alpha/db', beta: 'mongodb://beta/db', gamma: 'mongodb://gamma/db' },
      placementIdleMs: IDLE_MS,
      maxOpenPlacements,
      autoIndex: true,
      timeouts: TIMEOUTS,
    },
  } as unknown as AppConfig;
}

/** Records every opening and close; an opening can be made to fail or to wait. */
class FakeOpener {
  readonly opened: string[] = [];
  readonly closed: string[] = [];
  failNext = false;

  async open(uri: string): Promise<Connection> {
    this.opened.push(uri);
    await Promise.resolve();
    if (this.failNext) {
      this.failNext = false;
      throw new Error('unreachable');
    }
    return { uri, close: async () => void this.closed.push(uri) } as unknown as Connection;
  }
}

describe('PlacementConnections', () => {
  const shared = { name: 'shared' } as unknown as Connection;
  let opener: FakeOpener;
  let connections: PlacementConnections;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    opener = new FakeOpener();
    connections = new PlacementConnections(shared, config(), opener as unknown as PlacementConnectionOpener);
  });

  afterEach(async () => {
    await connections.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('answers shared with the application connection and opens nothing', async () => {
    expect(await connections.connectionFor('shared')).toBe(shared);
    expect(opener.opened).toEqual([]);
  });

  it('names shared first, then the configured clusters', () => {
    expect(connections.names()).toEqual(['shared', 'alpha', 'beta', 'gamma']);
  });

  it('refuses a placement that is not configured, as a 400 naming the field', async () => {
    await expect(connections.connectionFor('delta')).rejects.toBeInstanceOf(UnknownPlacementException);
    expect(() => connections.assertConfigured('__proto__')).toThrow(UnknownPlacementException);
    expect(() => connections.assertConfigured('alpha')).not.toThrow();
    expect(opener.opened).toEqual([]);
  });

  it('opens a dedicated cluster lazily, once for concurrent first uses, and reuses it', async () => {
    expect(connections.openNames()).toEqual([]);
    const [a, b] = await Promise.all([
      connections.connectionFor('alpha'),
      connections.connectionFor('alpha'),
    ]);
    expect(a).toBe(b);
    expect(await connections.connectionFor('alpha')).toBe(a);
    expect(opener.opened).toEqual(['mongodb://alpha/db']);
    expect(connections.openNames()).toEqual(['alpha']);
  });

  it('prepares a new connection before handing it out', async () => {
    const prepared: string[] = [];
    connections.onOpen(async (_connection, name) => void prepared.push(name));
    await connections.connectionFor('beta');
    await connections.connectionFor('beta');
    expect(prepared).toEqual(['beta']);
  });

  it('forgets a failed opening so the next use tries again', async () => {
    opener.failNext = true;
    await expect(connections.connectionFor('alpha')).rejects.toThrow('unreachable');
    expect(connections.openNames()).toEqual([]);
    await connections.connectionFor('alpha');
    expect(opener.opened).toEqual(['mongodb://alpha/db', 'mongodb://alpha/db']);
  });

  it('closes a connection unused for the idle time, and keeps one in use', async () => {
    await connections.connectionFor('alpha');
    await connections.connectionFor('beta');
    jest.setSystemTime(Date.now() + IDLE_MS - 1);
    await connections.connectionFor('beta');
    jest.setSystemTime(Date.now() + 1);
    await connections.closeIdle();
    expect(opener.closed).toEqual(['mongodb://alpha/db']);
    expect(connections.openNames()).toEqual(['beta']);
  });

  it('closes idle connections on its own timer', async () => {
    await connections.connectionFor('alpha');
    await jest.advanceTimersByTimeAsync(IDLE_MS + 30_000);
    expect(opener.closed).toEqual(['mongodb://alpha/db']);
  });

  it('at the bound, closes the least recently used connection idle past any operation', async () => {
    await connections.connectionFor('alpha');
    jest.setSystemTime(Date.now() + 1_000);
    await connections.connectionFor('beta');
    jest.setSystemTime(Date.now() + EVICTION_GRACE_MS);
    await connections.connectionFor('gamma');
    expect(opener.closed).toEqual(['mongodb://alpha/db']);
    expect(connections.openNames().sort()).toEqual(['beta', 'gamma']);
  });

  it('at the bound with every connection in recent use, refuses with 503 rather than exceed it', async () => {
    await connections.connectionFor('alpha');
    await connections.connectionFor('beta');
    jest.setSystemTime(Date.now() + EVICTION_GRACE_MS - 1);
    const refusal = await connections.connectionFor('gamma').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(PlacementCapacityException);
    expect((refusal as PlacementCapacityException).headers).toEqual({ 'Retry-After': '1' });
    expect(opener.opened).toHaveLength(2);
    expect(opener.closed).toEqual([]);
  });

  it('lets health look at open connections without counting it as use', async () => {
    await connections.connectionFor('alpha');
    jest.setSystemTime(Date.now() + IDLE_MS);
    expect([...connections.openConnections().keys()]).toEqual(['alpha']);
    await connections.closeIdle();
    expect(opener.closed).toEqual(['mongodb://alpha/db']);
  });

  it('closes every dedicated connection on shutdown, never the shared one', async () => {
    await connections.connectionFor('alpha');
    await connections.connectionFor('beta');
    await connections.onApplicationShutdown();
    expect(opener.closed.sort()).toEqual(['mongodb://alpha/db', 'mongodb://beta/db']);
    expect(connections.openNames()).toEqual([]);
  });
});
