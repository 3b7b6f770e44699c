import { ApiProperty } from '@nestjs/swagger';

/** The process answers HTTP. */
export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] })
  readonly status!: 'ok';
}
