import { Injectable } from '@nestjs/common';
import { type ErrorDetail, ValidationException } from '@tenantpay/platform';
import {
  TenantAdminService,
  TenantContextService,
  type TenantPaymentAmountLimit,
  type TenantPaymentWorkflow,
} from '@tenantpay/tenancy';
import { formatMinorUnits, isKnownCurrency, isValidAmount } from '../money/currency';
import { PAYMENT_METHODS } from '../payment/payment-method.enum';

/**
 * The current tenant's custom payment workflow (SPEC §9, ENTERPRISE), read and replaced by its admins. The
 * rules are checked here, where they are written, whatever the route checked: known methods, ISO currencies,
 * per-currency amounts that are valid minor-unit amounts with the threshold not above the maximum, and
 * amount rules only for allowed currencies (a rule for a currency that can never be paid would be dead).
 * Storing, cache invalidation and the before/after audit are tenancy's admin path.
 */
@Injectable()
export class PaymentWorkflowSettingsService {
  constructor(
    private readonly tenantContext: TenantContextService,
    private readonly admin: TenantAdminService,
  ) {}

  async get(): Promise<TenantPaymentWorkflow> {
    return (await this.admin.get(this.tenantContext.getTenantId())).settings.paymentWorkflow;
  }

  async replace(workflow: TenantPaymentWorkflow): Promise<TenantPaymentWorkflow> {
    const problems = workflowProblems(workflow);
    if (problems.length > 0) throw new ValidationException(problems);
    const normalized: TenantPaymentWorkflow = {
      ...(workflow.allowedMethods !== undefined ? { allowedMethods: [...workflow.allowedMethods] } : {}),
      ...(workflow.allowedCurrencies !== undefined
        ? { allowedCurrencies: [...workflow.allowedCurrencies] }
        : {}),
      ...(workflow.amountLimits !== undefined
        ? { amountLimits: workflow.amountLimits.map(amountLimit) }
        : {}),
    };
    const updated = await this.admin.replacePaymentWorkflow(this.tenantContext.getTenantId(), normalized);
    return updated.settings.paymentWorkflow;
  }
}

function amountLimit(limit: TenantPaymentAmountLimit): TenantPaymentAmountLimit {
  return {
    currency: limit.currency,
    ...(limit.maxAmount !== undefined ? { maxAmount: limit.maxAmount } : {}),
    ...(limit.approvalThreshold !== undefined ? { approvalThreshold: limit.approvalThreshold } : {}),
  };
}

function workflowProblems(workflow: TenantPaymentWorkflow): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const methods = workflow.allowedMethods ?? [];
  const unknownMethod = methods.find((method) => !(PAYMENT_METHODS as readonly string[]).includes(method));
  if (unknownMethod !== undefined || new Set(methods).size !== methods.length) {
    problems.push({
      field: 'allowedMethods',
      issue: `must be distinct values of ${PAYMENT_METHODS.join(', ')}`,
    });
  }
  const currencies = workflow.allowedCurrencies ?? [];
  if (!currencies.every(isKnownCurrency) || new Set(currencies).size !== currencies.length) {
    problems.push({ field: 'allowedCurrencies', issue: 'must be distinct ISO 4217 currency codes' });
  }
  const seen = new Set<string>();
  (workflow.amountLimits ?? []).forEach((limit, index) => {
    const field = `amountLimits.${index}`;
    if (!isKnownCurrency(limit.currency)) {
      problems.push({ field: `${field}.currency`, issue: 'must be an ISO 4217 currency code' });
      return;
    }
    if (seen.has(limit.currency))
      problems.push({ field: `${field}.currency`, issue: 'has more than one entry' });
    seen.add(limit.currency);
    if (workflow.allowedCurrencies !== undefined && !currencies.includes(limit.currency)) {
      problems.push({ field: `${field}.currency`, issue: 'must be one of allowedCurrencies' });
    }
    for (const name of ['maxAmount', 'approvalThreshold'] as const) {
      const amount = limit[name];
      if (amount !== undefined && !isValidAmount(amount)) {
        problems.push({
          field: `${field}.${name}`,
          issue: `must be a positive integer number of ${limit.currency} minor units`,
        });
      }
    }
    if (limit.maxAmount === undefined && limit.approvalThreshold === undefined) {
      problems.push({ field, issue: 'must set maxAmount, approvalThreshold or both' });
    }
    if (
      isValidAmount(limit.maxAmount) &&
      isValidAmount(limit.approvalThreshold) &&
      limit.approvalThreshold > limit.maxAmount
    ) {
      problems.push({
        field: `${field}.approvalThreshold`,
        issue: `must not be above maxAmount (${formatMinorUnits(limit.maxAmount, limit.currency)} ${limit.currency})`,
      });
    }
  });
  return problems;
}
