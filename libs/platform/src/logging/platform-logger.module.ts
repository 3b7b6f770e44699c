import { type DynamicModule, Module } from '@nestjs/common';
import { Logger, PARAMS_PROVIDER_TOKEN, type Params, PinoLogger } from 'nestjs-pino';
import { pino, type Logger as Pino } from 'pino';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.constant';
import { REDACTED_LOG_PATHS } from './redacted-log-paths.constant';
import { ROOT_LOGGER } from './root-logger.constant';

/** Fields to add to every log line from whatever the current work is (pino's `mixin`). */
export type LogFields = () => Record<string, unknown>;

/**
 * Structured JSON logs through one pino logger, whose redaction is compiled once. `logFields`, when given,
 * adds fields read at the moment a line is written: the applications pass the current request's id and
 * tenant, read from the async context the request (or job) already runs in. So there is no logger work per
 * request: no child logger, no per-request async context of the logger's own, no serialization of the
 * request's headers. Each request is logged once, when answered ({@link logCompletedRequests}).
 *
 * Nest's logger calls go through nestjs-pino's `Logger` (and `PinoLogger` may be injected) over the same
 * pino; nestjs-pino's pino-http middleware is not used: it built three child loggers per request.
 */
@Module({})
export class PlatformLoggerModule {
  static forRoot(logFields?: LogFields): DynamicModule {
    return {
      module: PlatformLoggerModule,
      global: true,
      providers: [
        {
          provide: ROOT_LOGGER,
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig): Pino =>
            pino({
              level: config.log.level,
              ...(logFields === undefined ? {} : { mixin: logFields }),
              redact: { paths: [...REDACTED_LOG_PATHS], censor: '[redacted]' },
            }),
        },
        {
          provide: PARAMS_PROVIDER_TOKEN,
          inject: [ROOT_LOGGER],
          useFactory: (logger: Pino): Params => ({ pinoHttp: { logger } }),
        },
        Logger,
        PinoLogger,
      ],
      exports: [ROOT_LOGGER, Logger, PinoLogger],
    };
  }
}
