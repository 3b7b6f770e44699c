import { ApiProperty } from '@nestjs/swagger';
import type { Limit } from '@tenantpay/tenancy';
import type { UsageReport } from '@tenantpay/usage';
import { LIMIT_SCHEMA } from './limit.schema';
import { UsageCountersResponse } from './usage-counters.response';

/** A tenant's usage in one calendar month (UTC). */
export class UsageReportResponse implements UsageReport {
  readonly tenantId!: string;
  /** @example "2026-12" */
  readonly period!: string;
  /** First instant of the period (UTC, inclusive). */
  readonly periodStart!: string;
  /** First instant after the period (UTC, exclusive): when monthly quotas reset. */
  readonly periodEnd!: string;
  /** Whether the period is closed: its numbers are final. */
  readonly closed!: boolean;
  readonly usage!: UsageCountersResponse;
  @ApiProperty({
    description: 'Monthly limits by metric',
    type: 'object',
    required: ['transactions'],
    additionalProperties: false,
    properties: { transactions: LIMIT_SCHEMA },
  })
  readonly limits!: { readonly transactions: Limit };
  @ApiProperty({
    description: 'Percentage of each limit used; null for unlimited',
    type: 'object',
    required: ['transactions'],
    additionalProperties: false,
    properties: { transactions: { type: 'number', nullable: true } },
  })
  readonly percentUsed!: { readonly transactions: number | null };
}
