import { IsEmail, IsOptional, IsString, IsUrl, Length, Matches } from 'class-validator';
import { IsDisplayLocale } from '../../branding/dto/is-display-locale.decorator';

const COLOR = /^#[0-9a-fA-F]{6}$/;

export class BrandingDto {
  @IsOptional()
  @IsString()
  @Length(1, 200)
  displayName?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  logoUrl?: string;

  @IsOptional()
  @Matches(COLOR, { message: 'primaryColor must be a #rrggbb colour' })
  primaryColor?: string;

  @IsOptional()
  @Matches(COLOR, { message: 'secondaryColor must be a #rrggbb colour' })
  secondaryColor?: string;

  @IsOptional()
  @IsEmail()
  supportEmail?: string;

  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true })
  supportUrl?: string;

  @IsOptional()
  @IsDisplayLocale()
  locale?: string;
}
