import { IsOptional, Matches } from 'class-validator';

export class ReplayWebhookEventDto {
  /** Replay to this endpoint only; without it, to every enabled endpoint subscribed to the event's type. */
  @IsOptional()
  @Matches(/^[0-9a-f]{24}$/, { message: 'endpointId must be a webhook endpoint id' })
  endpointId?: string;
}
