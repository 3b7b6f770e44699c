import type { ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import type { TenantResolution } from '../resolution/tenant-resolution';
import { tenantResolutionOf } from './request-tenant-resolution';

type ValuesByKey = Map<string, unknown>;
type ValuesByHandler = WeakMap<object, ValuesByKey>;
type ValuesByController = WeakMap<object, ValuesByHandler>;

/** Looked-up metadata by reflector, controller class, handler and key (`routeMetadata`). */
const lookedUp = new WeakMap<Reflector, ValuesByController>();
// Made once: an arrow written in the call would be a new closure per lookup, on every guard of every request.
const newValuesByController = (): ValuesByController => new WeakMap();
const newValuesByHandler = (): ValuesByHandler => new WeakMap();
const newValuesByKey = (): ValuesByKey => new Map();

/**
 * A route's metadata, the handler's overriding the controller's. Route metadata is set by decorators when the
 * classes are defined and never changes, so each lookup is made once per route and key; the guards ask on
 * every request, and reflect-metadata's lookup walks each target's prototype chain.
 */
export function routeMetadata<T>(
  reflector: Reflector,
  key: string,
  context: ExecutionContext,
): T | undefined {
  const handler = context.getHandler();
  const controller = context.getClass();
  const byController = valuesOf(lookedUp, reflector, newValuesByController);
  const byHandler = valuesOf(byController, controller, newValuesByHandler);
  const values = valuesOf(byHandler, handler, newValuesByKey);
  if (values.has(key)) return values.get(key) as T | undefined;
  const value = reflector.getAllAndOverride<T | undefined>(key, [handler, controller]);
  values.set(key, value);
  return value;
}

function valuesOf<K extends object, V>(map: WeakMap<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/**
 * The tenant middleware's conclusion for this HTTP request, undefined for routes it does not cover. The request
 * is an HTTP handler's first argument; Nest's `switchToHttp()` would assign three new closures to the context
 * on every call, and each guard asks.
 */
export function requestTenantResolution(context: ExecutionContext): TenantResolution | undefined {
  return tenantResolutionOf(context.getArgByIndex<object>(0));
}
