import { TenantContextService } from './tenant-context.service';

/** Reads the one process-wide context store; the service holds no state of its own. */
const tenantContext = new TenantContextService();

/**
 * The fields a log line written inside a tenant context carries: the request (or job) it belongs to and the
 * tenant it serves. Given to pino as its `mixin`, so it runs only when a line is actually written, in the API
 * and the worker alike; binding them to a child logger on every request cost a child logger (and its
 * redaction pass) per request. pino merges its own fields into the returned object, so each call returns a
 * new one.
 */
export function tenantLogFields(): Record<string, string> {
  const context = tenantContext.current();
  if (context === undefined) return {};
  const fields: Record<string, string> = {};
  if (context.requestId !== '') fields['requestId'] = context.requestId;
  if (context.tenant != null) fields['tenantId'] = context.tenant.id;
  return fields;
}
