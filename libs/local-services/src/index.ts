export { findFreePort } from './find-free-port';
export { SmtpSink } from './smtp-sink/smtp-sink';
export type { SmtpSinkOptions } from './smtp-sink/smtp-sink';
export { MongoEmulatorProcess } from './mongo/mongo-emulator-process';
export { startMongo } from './mongo/start-mongo';
export type { MongoEngineKind, RunningMongo, StartMongoOptions } from './mongo/start-mongo';
export { RedisServerNotInstalledException } from './redis/redis-server-not-installed.exception';
export { RedisServerProcess } from './redis/redis-server-process';
export type { RedisServerProcessOptions } from './redis/redis-server-process';
