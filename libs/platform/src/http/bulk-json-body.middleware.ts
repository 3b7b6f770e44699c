import { Injectable } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';
import { JsonBodyMiddleware } from './json-body.middleware';

/**
 * JSON bodies of bulk routes (PlatformHttpModule.forRoot's `bulkBodyRoutes`), up to
 * `http.bulkBodyLimitBytes`. It runs before the global JsonBodyMiddleware, which then leaves the body alone,
 * so only these routes accept the larger bodies.
 */
@Injectable()
export class BulkJsonBodyMiddleware extends JsonBodyMiddleware {
  protected override limitBytes(config: AppConfig): number {
    return config.http.bulkBodyLimitBytes;
  }
}
