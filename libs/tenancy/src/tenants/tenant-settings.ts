/** White-label presentation, shown publicly by `GET /v1/branding`. */
export interface TenantBranding {
  readonly displayName?: string;
  readonly logoUrl?: string;
  readonly primaryColor?: string;
  readonly secondaryColor?: string;
  readonly supportEmail?: string;
  readonly supportUrl?: string;
  /** BCP 47 tag, canonical (`de-DE`): how the console writes this tenant's dates, numbers and amounts. */
  readonly locale?: string;
}

/**
 * Amount rules for payments in one currency. Integer minor units of that currency: a minor unit is worth
 * different amounts in different currencies (1 JPY, 0.01 EUR, 0.001 KWD), so one number cannot bound them all.
 */
export interface TenantPaymentAmountLimit {
  readonly currency: string;
  readonly maxAmount?: number;
  readonly approvalThreshold?: number;
}

/** Custom payment workflow rules (ENTERPRISE). */
export interface TenantPaymentWorkflow {
  readonly allowedMethods?: readonly string[];
  readonly allowedCurrencies?: readonly string[];
  /** At most one entry per currency; payments in a currency without an entry have no amount rule. */
  readonly amountLimits?: readonly TenantPaymentAmountLimit[];
}

export interface TenantSettings {
  readonly branding: TenantBranding;
  readonly paymentWorkflow: TenantPaymentWorkflow;
}
