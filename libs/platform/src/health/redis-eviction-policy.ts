/** The one `maxmemory-policy` under which Redis never drops a key by itself (Redis's default). */
export const REDIS_NO_EVICTION = 'noeviction';

/** The `maxmemory_policy` field of an `INFO memory` reply; undefined if the reply has none. */
export function evictionPolicyOf(info: string): string | undefined {
  const match = /^maxmemory_policy:([^\r\n]*)\r?$/m.exec(info);
  const policy = match?.[1]?.trim();
  return policy === undefined || policy === '' ? undefined : policy;
}
