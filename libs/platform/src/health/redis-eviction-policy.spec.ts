import { evictionPolicyOf } from './redis-eviction-policy';

describe('evictionPolicyOf', () => {
  it('reads the policy from an INFO memory reply', () => {
    const info =
      '# Memory\r\nused_memory:1046592\r\nmaxmemory:0\r\nmaxmemory_policy:allkeys-lru\r\nallocator_frag_ratio:1.20\r\n';
    expect(evictionPolicyOf(info)).toBe('allkeys-lru');
    expect(evictionPolicyOf(info.replace('allkeys-lru', 'noeviction'))).toBe('noeviction');
  });

  it('answers undefined when the reply has no policy', () => {
    expect(evictionPolicyOf('# Memory\r\nused_memory:1046592\r\n')).toBeUndefined();
    expect(evictionPolicyOf('maxmemory_policy:\r\n')).toBeUndefined();
  });
});
