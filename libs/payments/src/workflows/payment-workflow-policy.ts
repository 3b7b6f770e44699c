import type { ErrorDetail } from '@tenantpay/platform';
import { Feature, hasFeature, type TenantSnapshot } from '@tenantpay/tenancy';
import { PaymentWorkflowViolationException } from '../errors/payment-workflow-violation.exception';
import { formatMinorUnits } from '../money/currency';
import { PaymentStatus } from '../payment/payment-status.enum';

export interface WorkflowCandidate {
  readonly amount: number;
  readonly currency: string;
  readonly method: string;
}

/**
 * The tenant's custom payment workflow (ENTERPRISE, `settings.paymentWorkflow`): allowed methods and
 * currencies and, per currency, a per-payment maximum and an approval threshold above which a payment starts
 * in AWAITING_APPROVAL. Tenants whose tier lacks the feature get the standard flow whatever their settings say,
 * so a downgrade switches the rules off instead of leaving them half-enforced. Returns the initial status.
 */
export function applyPaymentWorkflow(tenant: TenantSnapshot, payment: WorkflowCandidate): PaymentStatus {
  if (!hasFeature(tenant, Feature.CustomWorkflows)) return PaymentStatus.Pending;
  const workflow = tenant.settings.paymentWorkflow;
  const violations: ErrorDetail[] = [];
  if (workflow.allowedMethods !== undefined && !workflow.allowedMethods.includes(payment.method)) {
    violations.push({ field: 'method', issue: `must be one of ${workflow.allowedMethods.join(', ')}` });
  }
  if (workflow.allowedCurrencies !== undefined && !workflow.allowedCurrencies.includes(payment.currency)) {
    violations.push({ field: 'currency', issue: `must be one of ${workflow.allowedCurrencies.join(', ')}` });
  }
  const limit = workflow.amountLimits?.find((candidate) => candidate.currency === payment.currency);
  if (limit?.maxAmount !== undefined && payment.amount > limit.maxAmount) {
    violations.push({
      field: 'amount',
      issue: `must be at most ${formatMinorUnits(limit.maxAmount, limit.currency)} ${limit.currency}`,
    });
  }
  if (violations.length > 0) throw new PaymentWorkflowViolationException(violations);
  return limit?.approvalThreshold !== undefined && payment.amount > limit.approvalThreshold
    ? PaymentStatus.AwaitingApproval
    : PaymentStatus.Pending;
}
