import { Matches } from 'class-validator';

/** A current TOTP code: confirms an enrolment, or proves the factor to regenerate recovery codes. */
export class MfaCodeDto {
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits the authenticator app shows' })
  code!: string;
}
