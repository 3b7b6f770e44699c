export class RedisServerNotInstalledException extends Error {
  readonly code = 'REDIS_SERVER_NOT_INSTALLED';

  constructor(binary: string) {
    super(`Could not run "${binary}": install redis-server: apt-get install redis-server`);
    this.name = 'RedisServerNotInstalledException';
  }
}
