import { IsString, MaxLength } from 'class-validator';

export class AddTenantDomainDto {
  /** A DNS name outside the platform's base domain, without port; checked by TenantAdminService. */
  @IsString()
  @MaxLength(253)
  hostname!: string;
}
