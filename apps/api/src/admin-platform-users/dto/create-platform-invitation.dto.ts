import { IsEmail, MaxLength } from 'class-validator';

/** The email of the operator to invite; they choose their password when they accept. */
export class CreatePlatformInvitationDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;
}
