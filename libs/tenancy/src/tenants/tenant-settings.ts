/** White-label presentation, shown publicly by `GET /v1/branding`. */
export interface TenantBranding {
  readonly displayName?: string;
  readonly logoUrl?: string;
  readonly primaryColor?: string;
  readonly secondaryColor?: string;
  readonly supportEmail?: string;
  readonly supportUrl?: string;
}

/** Custom payment workflow rules (ENTERPRISE). Amounts are integer minor units. */
export interface TenantPaymentWorkflow {
  readonly allowedMethods?: readonly string[];
  readonly allowedCurrencies?: readonly string[];
  readonly maxAmount?: number;
  readonly approvalThreshold?: number;
}

export interface TenantSettings {
  readonly branding: TenantBranding;
  readonly paymentWorkflow: TenantPaymentWorkflow;
}
