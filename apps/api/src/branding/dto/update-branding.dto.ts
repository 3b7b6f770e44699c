import { IsEmail, IsOptional, IsString, IsUrl, Length, Matches, MaxLength } from 'class-validator';
import { IsDisplayLocale } from './is-display-locale.decorator';

const COLOUR = /^#[0-9a-fA-F]{6}$/;

/** The whole branding; a field left out returns to its default (the display name to the tenant's name). */
export class UpdateBrandingDto {
  @IsOptional()
  @IsString()
  @Length(1, 100)
  // Shown on public pages: no control characters and no markup characters, whatever the page does.
  @Matches(/^[^\p{Cc}<>]+$/u, { message: 'displayName must not contain control characters, < or >' })
  displayName?: string;

  // https only: the logo is embedded in pages served over https, and a data: or javascript: URL never is.
  @IsOptional()
  @MaxLength(2048)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true })
  logoUrl?: string;

  @IsOptional()
  @Matches(COLOUR, { message: 'primaryColor must be a #RRGGBB colour' })
  primaryColor?: string;

  @IsOptional()
  @Matches(COLOUR, { message: 'secondaryColor must be a #RRGGBB colour' })
  secondaryColor?: string;

  @IsOptional()
  @MaxLength(254)
  @IsEmail()
  supportEmail?: string;

  @IsOptional()
  @MaxLength(2048)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: true })
  supportUrl?: string;

  @IsOptional()
  @IsDisplayLocale()
  locale?: string;
}
