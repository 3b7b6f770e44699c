import { TenantUserRole } from '@tenantpay/identity';
import { IsEnum } from 'class-validator';

export class ChangeRoleDto {
  @IsEnum(TenantUserRole)
  role!: TenantUserRole;
}
