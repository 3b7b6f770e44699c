import { Body, Controller, Get, Put } from '@nestjs/common';
import { MfaPolicyService, type MfaPolicyView, TenantUserRole } from '@tenantpay/identity';
import { Feature, RequireFeature, Roles } from '@tenantpay/tenancy';
import { MfaPolicyDto } from './dto/mfa-policy.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { MfaPolicyResponse } from './responses/mfa-policy.response';

/** Tenant admins require (or stop requiring) MFA of every user: ENTERPRISE, audited. */
@Controller('settings/security')
@RequireFeature(Feature.MandatoryMfa)
@Roles(TenantUserRole.Admin)
export class MfaPolicyController {
  constructor(private readonly policy: MfaPolicyService) {}

  /** The tenant's MFA policy. */
  @ApiOkResponse({ type: MfaPolicyResponse })
  @Get()
  get(): Promise<MfaPolicyView> {
    return this.policy.view();
  }

  /** Replace the tenant's MFA policy. */
  @ApiOkResponse({ type: MfaPolicyResponse })
  @Put()
  replace(@Body() body: MfaPolicyDto): Promise<MfaPolicyView> {
    return this.policy.setMfaRequired(body.mfaRequired);
  }
}
