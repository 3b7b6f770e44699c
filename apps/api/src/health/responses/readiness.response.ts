import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import type { HealthCheckResult } from '@nestjs/terminus';

/** Each dependency's check, by name (`mongodb`, `redis`). */
const DEPENDENCY_RESULTS: ApiPropertyOptions = {
  type: 'object',
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'down'] } },
  },
  example: { mongodb: { status: 'up' }, redis: { status: 'up' } },
};

/** The process and its dependencies answer (`@nestjs/terminus`'s result, by dependency). */
export class ReadinessResponse implements HealthCheckResult {
  @ApiProperty({ enum: ['ok'] })
  readonly status!: 'ok';
  // Terminus fills all three on every answer: the failed ones (`error`) are empty when ready.
  @ApiProperty(DEPENDENCY_RESULTS)
  readonly info!: HealthCheckResult['info'];
  @ApiProperty(DEPENDENCY_RESULTS)
  readonly error!: HealthCheckResult['error'];
  @ApiProperty(DEPENDENCY_RESULTS)
  readonly details!: HealthCheckResult['details'];
}
