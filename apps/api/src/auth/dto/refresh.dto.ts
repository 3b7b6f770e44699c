import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The refresh token in the body (API clients); the portal sends none and relies on its cookie. */
export class RefreshDto {
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}
