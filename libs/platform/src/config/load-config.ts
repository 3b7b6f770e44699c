import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { AppConfig } from './app-config';
import { ConfigValidationError } from './config-validation.error';
import { EnvironmentVariables } from './environment-variables';

type Environment = Record<string, string | undefined>;

/**
 * Validates the environment once and maps it to the typed config. Empty strings count as unset so
 * that `FOO=` in an env file falls back to the default instead of failing obscurely.
 */
export function loadConfig(environment: Environment): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const relevant = Object.fromEntries(
    Object.entries(environment).filter(
      ([name, value]) => known.includes(name) && value !== undefined && value !== '',
    ),
  );
  const variables = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const errors = validateSync(variables, {
    whitelist: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
  });
  if (errors.length > 0) {
    const problems = errors.flatMap((error) =>
      Object.values(error.constraints ?? {}).map((message) => `${error.property} ${message}`),
    );
    throw new ConfigValidationError(problems);
  }
  return {
    env: variables.NODE_ENV,
    http: {
      host: variables.API_HOST,
      port: variables.API_PORT,
      bodyLimitBytes: variables.HTTP_BODY_LIMIT_BYTES,
    },
    mongodb: { uri: variables.MONGODB_URI },
    redis: { url: variables.REDIS_URL },
    log: { level: variables.LOG_LEVEL },
    shutdownGraceMs: variables.SHUTDOWN_GRACE_MS,
  };
}

/** For process entry points: print each problem on its own line, without a stack trace, and exit. */
export function loadConfigOrExit(environment: Environment): AppConfig {
  try {
    return loadConfig(environment);
  } catch (error) {
    if (!(error instanceof ConfigValidationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
