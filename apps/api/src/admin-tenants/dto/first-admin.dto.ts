import { IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Who becomes the tenant's first admin: invited by email, they choose their own password. */
export class FirstAdminDto {
  @IsEmail()
  @MaxLength(254)
  email!: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}
