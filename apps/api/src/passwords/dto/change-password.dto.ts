import { IsString, Length } from 'class-validator';

export class ChangePasswordDto {
  @IsString()
  @Length(1, 1024)
  currentPassword!: string;

  /** Checked against the password policy by the service. */
  @IsString()
  @Length(1, 1024)
  newPassword!: string;
}
