import { type CanActivate, type ExecutionContext, ForbiddenException } from '@nestjs/common';
import { isObservable, lastValueFrom } from 'rxjs';

/**
 * The API's only global guard: runs the guards of API_GUARD_ORDER one after the other and stops at the first
 * refusal. Several APP_GUARD providers would run in module import order, which no line of code states and a
 * reordered import would silently change; here the order is a list, and a test pins it.
 */
export class ApiGuardChain implements CanActivate {
  constructor(private readonly guards: readonly CanActivate[]) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    for (const guard of this.guards) {
      const verdict = guard.canActivate(context);
      // Most guards answer at once: awaiting their boolean would cost a microtask turn each, per request.
      const allowed =
        typeof verdict === 'boolean'
          ? verdict
          : isObservable(verdict)
            ? await lastValueFrom(verdict)
            : await verdict;
      // What Nest does with a guard answering false: a plain 403.
      if (!allowed) throw new ForbiddenException();
    }
    return true;
  }
}
