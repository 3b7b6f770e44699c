/**
 * `values` with each promise among them replaced by what it resolves to, awaiting only the promises: on a
 * request's hot path every promise costs AsyncLocalStorage's promise hook (Node 20), and `Promise.all` over the
 * whole list wraps each plain value in one more promise and a reaction. None a promise: `values` themselves,
 * without a promise at all. Several: they settle together as under `Promise.all`, so one rejecting never leaves
 * another's rejection unhandled.
 */
export function awaitPromisesAmong<T>(values: readonly (T | Promise<T>)[]): readonly T[] | Promise<T[]> {
  const pending: Promise<T>[] = [];
  for (const value of values) if (value instanceof Promise) pending.push(value);
  if (pending.length === 0) return values as readonly T[];
  const settled =
    pending.length === 1 ? (pending[0] as Promise<T>).then((one) => [one]) : Promise.all(pending);
  return settled.then((answers) => {
    let next = 0;
    return values.map((value) => (value instanceof Promise ? (answers[next++] as T) : value));
  });
}
