/**
 * Sets `key` as the newest entry of `map` and drops the oldest entries beyond `maxEntries`: in-process
 * memories keyed by client-chosen values (IP addresses, subjects) must not grow without bound under a flood.
 */
export function rememberBounded<K, V>(map: Map<K, V>, key: K, value: V, maxEntries: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > maxEntries) {
    const oldest = map.keys().next();
    if (oldest.done === true) return;
    map.delete(oldest.value);
  }
}
