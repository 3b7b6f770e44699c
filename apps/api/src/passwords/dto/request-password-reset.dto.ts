import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** Loose on purpose (like login): a malformed email gets the same answer as an unknown one. */
export class RequestPasswordResetDto {
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email!: string;
}
