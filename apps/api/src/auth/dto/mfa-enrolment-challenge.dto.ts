import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The enrolment-only challenge a password login answered because the tenant requires MFA. */
export class MfaEnrolmentChallengeDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  challengeToken!: string;
}
