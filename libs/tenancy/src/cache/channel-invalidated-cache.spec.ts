import { ChannelInvalidatedCache } from './channel-invalidated-cache';
import type {
  TenantCacheInvalidationListener,
  TenantCacheInvalidationSubscriber,
} from './tenant-cache-invalidation.subscriber';
import type { TenantLookupService } from './tenant-lookup.service';

/** A stand-in for the channel: tests decide whether it is heard and deliver its messages by hand. */
class FakeChannel {
  listening = true;
  listener: TenantCacheInvalidationListener | null = null;
  readonly announced: string[][] = [];

  readonly subscriber = ((fake: FakeChannel) =>
    ({
      get listening() {
        return fake.listening;
      },
      addListener: (listener: TenantCacheInvalidationListener) => {
        fake.listener = listener;
      },
    }) as unknown as TenantCacheInvalidationSubscriber)(this);

  readonly tenants = {
    invalidateKeys: async (keys: readonly string[]) => {
      this.announced.push([...keys]);
    },
  } as unknown as TenantLookupService;
}

let channel: FakeChannel;

function cache(): ChannelInvalidatedCache<string> {
  return new ChannelInvalidatedCache<string>(channel.subscriber, channel.tenants, {
    keyPrefix: 'own:',
    ttlMs: 60_000,
    maxEntries: 100,
  });
}

describe('ChannelInvalidatedCache', () => {
  beforeEach(() => {
    channel = new FakeChannel();
  });

  it('loads a key once and then answers from memory', async () => {
    const subject = cache();
    const load = jest.fn(async () => 'v1');
    expect(await subject.get('own:a', load)).toBe('v1');
    expect(await subject.get('own:a', load)).toBe('v1');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('joins concurrent misses of one key into one load', async () => {
    const subject = cache();
    let release: (value: string) => void = () => undefined;
    const load = jest.fn(() => new Promise<string>((resolve) => (release = resolve)));
    const both = Promise.all([subject.get('own:a', load), subject.get('own:a', load)]);
    release('v1');
    expect(await both).toEqual(['v1', 'v1']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('drops its own keys when the channel names them, and ignores other caches’ keys', async () => {
    const subject = cache();
    let value = 'v1';
    const load = jest.fn(async () => value);
    await subject.get('own:a', load);
    value = 'v2';
    channel.listener?.onInvalidate(['tenant:id:x']);
    expect(await subject.get('own:a', load)).toBe('v1');
    channel.listener?.onInvalidate(['own:a']);
    expect(await subject.get('own:a', load)).toBe('v2');
  });

  it('does not keep what a load read before an invalidation that arrived while it ran', async () => {
    const subject = cache();
    let release: (value: string) => void = () => undefined;
    const stale = subject.get('own:a', () => new Promise<string>((resolve) => (release = resolve)));
    channel.listener?.onInvalidate(['own:a']);
    release('before the change');
    expect(await stale).toBe('before the change');
    expect(await subject.get('own:a', async () => 'after the change')).toBe('after the change');
  });

  it('neither trusts nor fills memory while the channel is not heard', async () => {
    const subject = cache();
    await subject.get('own:a', async () => 'v1');
    channel.listening = false;
    expect(await subject.get('own:a', async () => 'v2')).toBe('v2');
    expect(await subject.get('own:a', async () => 'v3')).toBe('v3');
    channel.listening = true;
    channel.listener?.onReset();
    expect(await subject.get('own:a', async () => 'v4')).toBe('v4');
  });

  it('forgets at once here and announces the keys to every instance on invalidate', async () => {
    const subject = cache();
    await subject.get('own:a', async () => 'v1');
    await subject.invalidate(['own:a']);
    expect(channel.announced).toEqual([['own:a']]);
    expect(await subject.get('own:a', async () => 'v2')).toBe('v2');
  });
});
