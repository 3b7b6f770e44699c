/**
 * Runs `work` while `Object.prototype[key]` is set, the way a prototype-pollution bug elsewhere in the process
 * would set it (an enumerable, writable property), and removes it afterwards whatever happens.
 */
export async function withPollutedPrototype<T>(
  key: string,
  value: unknown,
  work: () => T | Promise<T>,
): Promise<T> {
  const prototype = Object.prototype as Record<string, unknown>;
  prototype[key] = value;
  try {
    return await work();
  } finally {
    delete prototype[key];
  }
}
