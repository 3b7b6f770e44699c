/** Injection token of the shared ioredis client used for caching, rate limiting and metering. */
export const REDIS_CLIENT = Symbol('REDIS_CLIENT');
