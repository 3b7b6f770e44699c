import { ApiProperty } from '@nestjs/swagger';
import { PASSWORD_RESET_REQUESTED } from '../password-reset-requested';

/** The same answer whether or not the email has an account, so that it reveals none. */
export class PasswordResetRequestedResponse {
  @ApiProperty({ enum: [PASSWORD_RESET_REQUESTED.status] })
  readonly status!: typeof PASSWORD_RESET_REQUESTED.status;
  @ApiProperty({ example: PASSWORD_RESET_REQUESTED.message })
  readonly message!: string;
}
