import { ApiProperty } from '@nestjs/swagger';

/** The DNS TXT record that proves the tenant controls a custom domain. */
export class DomainVerificationRecordResponse {
  @ApiProperty({ enum: ['TXT'] })
  readonly type!: 'TXT';
  /** @example "_tenantpay-verification.pay.example-bank.com" */
  readonly name!: string;
  readonly value!: string;
}
