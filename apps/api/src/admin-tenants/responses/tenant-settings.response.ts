import type { TenantSettings } from '@tenantpay/tenancy';
import { PaymentWorkflowResponse } from '../../payments/responses/payment-workflow.response';
import { TenantBrandingResponse } from './tenant-branding.response';

export class TenantSettingsResponse implements TenantSettings {
  readonly branding!: TenantBrandingResponse;
  readonly paymentWorkflow!: PaymentWorkflowResponse;
}
