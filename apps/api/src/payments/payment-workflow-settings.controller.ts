import { Body, Controller, Get, Put } from '@nestjs/common';
import { TenantUserRole } from '@tenantpay/identity';
import { PaymentWorkflowSettingsService } from '@tenantpay/payments';
import { Feature, RequireFeature, Roles, type TenantPaymentWorkflow } from '@tenantpay/tenancy';
import { PaymentWorkflowSettingsDto } from './dto/payment-workflow-settings.dto';
import { ApiOkResponse } from '@nestjs/swagger';
import { PaymentWorkflowResponse } from './responses/payment-workflow.response';

/**
 * The tenant's custom payment workflow (ENTERPRISE): allowed methods and currencies, and per currency a
 * maximum per payment and an approval threshold. ADMIN users only; no `@Scopes`, so API keys are refused.
 */
@Controller('settings/payment-workflow')
@RequireFeature(Feature.CustomWorkflows)
@Roles(TenantUserRole.Admin)
export class PaymentWorkflowSettingsController {
  constructor(private readonly settings: PaymentWorkflowSettingsService) {}

  /** The tenant's payment workflow settings. */
  @ApiOkResponse({ type: PaymentWorkflowResponse })
  @Get()
  get(): Promise<TenantPaymentWorkflow> {
    return this.settings.get();
  }

  /** Replace the tenant's payment workflow settings. */
  @ApiOkResponse({ type: PaymentWorkflowResponse })
  @Put()
  replace(@Body() body: PaymentWorkflowSettingsDto): Promise<TenantPaymentWorkflow> {
    return this.settings.replace(body);
  }
}
