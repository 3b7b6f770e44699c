import { ApiProperty } from '@nestjs/swagger';

/** The password was right and the account has a second factor: finish at `login/mfa` with this challenge. */
export class MfaChallengeResponse {
  @ApiProperty({ enum: [true] })
  readonly mfaRequired!: true;
  /** Mandatory MFA and no factor yet: the challenge only enrols (`login/mfa/enrol`, then `login/mfa`). */
  @ApiProperty({ enum: [true], required: false })
  readonly mfaEnrolmentRequired?: true;
  readonly challengeToken!: string;
  readonly expiresAt!: string;
}
