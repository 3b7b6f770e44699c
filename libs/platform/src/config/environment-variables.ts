import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { LOG_LEVELS, type LogLevel } from './app-config';

/**
 * The environment variables the platform reads, with their rules. Messages never echo the value:
 * connection strings carry credentials.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'test', 'production'], { message: 'must be one of development, test, production' })
  NODE_ENV: 'development' | 'test' | 'production' = 'development';

  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{1,253}$/, { message: 'must be a host name or IP address' })
  API_HOST = '0.0.0.0';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  API_PORT = 3000;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  WORKER_METRICS_PORT = 9464;

  @IsDefined({ message: 'is required (a mongodb:// or mongodb+srv:// connection string)' })
  @IsString({ message: 'must be a string' })
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, {
    message: 'must be a mongodb:// or mongodb+srv:// connection string',
  })
  MONGODB_URI!: string;

  /** Unset: on outside production, off in production, where `npm run db:indexes` builds them. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  MONGODB_AUTO_INDEX?: 'true' | 'false';

  @IsDefined({ message: 'is required (a redis:// or rediss:// URL)' })
  @IsString({ message: 'must be a string' })
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL!: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of proxies' })
  @Min(0, { message: 'must be between 0 and 10' })
  @Max(10, { message: 'must be between 0 and 10' })
  TRUST_PROXY_HOPS = 0;

  @IsOptional()
  @Matches(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/, {
    message: 'must be a lowercase DNS name such as tenantpay.example.com',
  })
  BASE_DOMAIN = 'localhost';

  @IsDefined({
    message: 'is required: comma-separated key-id:secret pairs, secrets of at least 32 characters',
  })
  @Matches(/^[A-Za-z0-9_-]{1,32}:[^,:\s]{32,}(,[A-Za-z0-9_-]{1,32}:[^,:\s]{32,})*$/, {
    message: 'must be comma-separated key-id:secret pairs, each secret at least 32 characters',
  })
  JWT_SIGNING_KEYS!: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be the id of one of JWT_SIGNING_KEYS' })
  JWT_ACTIVE_KEY_ID?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of seconds' })
  @Min(60, { message: 'must be between 60 and 86400 seconds' })
  @Max(86_400, { message: 'must be between 60 and 86400 seconds' })
  JWT_ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsOptional()
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'must be the base64 encoding of exactly 32 bytes' })
  WEBHOOK_SECRET_ENCRYPTION_KEY?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9.:[\]-]+(,[A-Za-z0-9.:[\]-]+)*$/, {
    message: 'must be comma-separated host names or IP addresses',
  })
  WEBHOOK_ALLOWED_HOSTS?: string;

  @IsOptional()
  @IsIn(['open', 'closed'], { message: 'must be open or closed' })
  RATE_LIMIT_FAIL_MODE: 'open' | 'closed' = 'open';

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of bytes' })
  @Min(1024, { message: 'must be at least 1024 bytes' })
  @Max(50 * 1024 * 1024, { message: 'must be at most 52428800 bytes (50 MiB)' })
  HTTP_BODY_LIMIT_BYTES = 1024 * 1024;

  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'must be an integer number of milliseconds' })
  @Min(0, { message: 'must not be negative' })
  @Max(10 * 60 * 1000, { message: 'must be at most 600000 (10 minutes)' })
  SHUTDOWN_GRACE_MS = 10_000;
}
