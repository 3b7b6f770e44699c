import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getConnectionToken } from '@nestjs/mongoose';
import { REDIS_CLIENT, type RedisClient } from '@tenantpay/platform';
import type { CommandStartedEvent } from 'mongodb';
import type { Connection } from 'mongoose';

/**
 * Counts the round trips an instance makes for the lookups behind resolution: Redis commands on tenant-cache
 * keys (`tenant:*`), and MongoDB commands on one collection. The app's MongoDB client must be created with
 * `monitorCommands: true` for the MongoDB count.
 */
export class RoundTripCounter {
  redis = 0;
  mongo = 0;

  constructor(app: NestFastifyApplication, mongoCollection: string) {
    const client = app.get<RedisClient>(REDIS_CLIENT);
    const send = client.sendCommand.bind(client);
    // Every argument forwarded: a cluster client's sendCommand also takes the node to send to.
    jest.spyOn(client, 'sendCommand').mockImplementation((command, ...rest) => {
      if (command.args.some((arg) => typeof arg === 'string' && arg.startsWith('tenant:'))) this.redis += 1;
      return send(command, ...rest);
    });
    app
      .get<Connection>(getConnectionToken())
      .getClient()
      .on('commandStarted', (event: CommandStartedEvent) => {
        if (event.command[event.commandName] === mongoCollection) this.mongo += 1;
      });
  }

  reset(): void {
    this.redis = 0;
    this.mongo = 0;
  }
}
