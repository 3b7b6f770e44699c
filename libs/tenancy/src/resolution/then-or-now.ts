/** A value, or the promise of one: what an in-process cache answers at once on a hit, and later on a miss. */
export type Awaitable<T> = T | Promise<T>;

/**
 * `next` applied to `value`: at once when `value` is not a promise, else once it resolves. A request's tenant
 * resolution and credential checks are answered from in-process caches nearly always; `await` there would
 * make a promise and a microtask turn per step, and on Node 20 every promise also runs AsyncLocalStorage's
 * promise hook. What `next` throws on the immediate path is thrown, not turned into a rejection.
 */
export function thenOrNow<T, R>(value: Awaitable<T>, next: (value: T) => Awaitable<R>): Awaitable<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}
