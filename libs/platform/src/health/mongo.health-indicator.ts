import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Connection } from 'mongoose';

/**
 * MongoDB is up when it answers a `ping` command within the timeout. Written here rather than using
 * terminus' MongooseHealthIndicator, whose "ping" only reads the connection's `readyState`: that stays
 * "connected" for seconds after the server is gone, so readiness would keep sending traffic to an instance
 * that cannot serve it.
 */
@Injectable()
export class MongoHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async check(key: string, timeoutMs: number) {
    const indicator = this.indicators.check(key);
    let timer: NodeJS.Timeout | undefined;
    try {
      // eslint-disable-next-line no-restricted-syntax -- a server `ping`: no collection, no tenant data
      const db = this.connection.db;
      if (db === undefined) return indicator.down({ message: 'not connected' });
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      });
      await Promise.race([db.command({ ping: 1 }, { timeoutMS: timeoutMs }), timeout]);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : 'unreachable' });
    } finally {
      clearTimeout(timer);
    }
  }
}
