import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';

/** Each dependency's check, by name (`mongodb`, `redis`). */
const dependencyResults = (required: boolean): ApiPropertyOptions => ({
  type: 'object',
  required,
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
  example: { mongodb: { status: 'up' }, redis: { status: 'up' } },
});

/** The process and its dependencies answer (`@nestjs/terminus`'s result, by dependency). */
export class ReadinessResponse implements HealthCheckResult {
  @ApiProperty({ enum: ['ok'] })
  readonly status!: 'ok';
  @ApiProperty(dependencyResults(false))
  readonly info?: HealthCheckResult['info'];
  @ApiProperty(dependencyResults(false))
  readonly error?: HealthCheckResult['error'];
  @ApiProperty(dependencyResults(true))
  readonly details!: HealthCheckResult['details'];
}
