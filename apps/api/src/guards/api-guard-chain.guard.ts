import { type CanActivate, type ExecutionContext, ForbiddenException } from '@nestjs/common';
import { isObservable, lastValueFrom } from 'rxjs';

type Verdict = ReturnType<CanActivate['canActivate']>;

/**
 * The API's only global guard: runs the guards of API_GUARD_ORDER one after the other and stops at the first
 * refusal. Several APP_GUARD providers would run in module import order, which no line of code states and a
 * reordered import would silently change; here the order is a list, and a test pins it.
 *
 * Most guards answer at once, and while they do the chain does too: no promise of its own and no microtask
 * turn per guard (each promise also costs AsyncLocalStorage's hook); it goes asynchronous from the first guard
 * that answers later. A refusal is always a rejected promise, as from the async guard Nest expects.
 */
export class ApiGuardChain implements CanActivate {
  constructor(private readonly guards: readonly CanActivate[]) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    try {
      return this.runFrom(0, context);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private runFrom(first: number, context: ExecutionContext): boolean | Promise<boolean> {
    for (let index = first; index < this.guards.length; index += 1) {
      const verdict = (this.guards[index] as CanActivate).canActivate(context);
      if (typeof verdict !== 'boolean') return this.awaitThenRunFrom(verdict, index + 1, context);
      if (!verdict) throw new ForbiddenException();
    }
    return true;
  }

  /** Not async: one promise (the `then`) per guard that answers later, not an async function's two. */
  private awaitThenRunFrom(
    verdict: Exclude<Verdict, boolean>,
    next: number,
    context: ExecutionContext,
  ): Promise<boolean> {
    const allowed = isObservable(verdict) ? lastValueFrom(verdict) : verdict;
    return allowed.then((answer) => {
      // What Nest does with a guard answering false: a plain 403.
      if (!answer) throw new ForbiddenException();
      return this.runFrom(next, context);
    });
  }
}
