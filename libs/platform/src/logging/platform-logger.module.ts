import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { assignRequestId } from '../http/assign-request-id';
import { REDACTED_LOG_PATHS } from './redacted-log-paths.constant';

/** Fields to add to every log line from whatever the current work is (pino's `mixin`). */
export type LogFields = () => Record<string, unknown>;

/**
 * Structured JSON logs through pino. The HTTP logger takes the request's id (Fastify's, see
 * createHttpAdapter, or assigned here where there is none) and nestjs-pino binds it to every line logged while
 * the request is served. `logFields`, when given, adds fields read at the moment a line is written (the
 * applications pass the current tenant's id).
 */
@Module({})
export class PlatformLoggerModule {
  static forRoot(logFields?: LogFields): DynamicModule {
    return {
      module: PlatformLoggerModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            // Liveness probes every few seconds would drown the useful lines, and are not logged: the HTTP
            // logger does not run for them at all (no per-request logger, no async context of its own).
            exclude: [{ method: RequestMethod.GET, path: 'health/live' }],
            pinoHttp: {
              level: config.log.level,
              ...(logFields === undefined ? {} : { mixin: logFields }),
              redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
              genReqId: (request, response: ServerResponse) => assignRequestId(request, response),
              customProps: (request) => ({ requestId: request.id }),
              // A 503 is a dependency being down, answered as designed (the caller retries): a warning, like
              // the filter's line for it, so an outage does not flood the error log.
              customLogLevel: (_request, response, error) =>
                error || (response.statusCode >= 500 && response.statusCode !== 503)
                  ? 'error'
                  : response.statusCode >= 400
                    ? 'warn'
                    : 'info',
            },
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
