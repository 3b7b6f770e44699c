import { IsBoolean } from 'class-validator';

export class MfaPolicyDto {
  /** Every user of the tenant must sign in with a second factor; users without one enrol at their next login. */
  @IsBoolean()
  mfaRequired!: boolean;
}
