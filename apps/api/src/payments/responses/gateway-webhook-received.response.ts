import { ApiProperty } from '@nestjs/swagger';

/** The gateway's notification was authenticated and applied (or recognised as already applied). */
export class GatewayWebhookReceivedResponse {
  @ApiProperty({ enum: [true] })
  readonly received!: true;
  /** What it did to the payment. @example "applied" */
  readonly result!: string;
}
