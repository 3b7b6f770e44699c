import { IsString, Length } from 'class-validator';

export class ConfirmPasswordResetDto {
  /** The token from the reset email's link. */
  @IsString()
  @Length(1, 200)
  token!: string;

  /** Checked against the password policy by the service (weak_password names the rule broken). */
  @IsString()
  @Length(1, 1024)
  password!: string;
}
