import { register, type Registry } from 'prom-client';

/** Injection token of the one Prometheus registry a process serves (see {@link MetricsModule}). */
export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

/**
 * prom-client's default registry. Libraries that cannot receive a registry by injection (audit, usage)
 * register their metrics on it at import time, so serving this one registry exports them too; a second
 * registry merged at scrape time would only add a way to forget one.
 */
export const PROCESS_METRICS_REGISTRY: Registry = register;
