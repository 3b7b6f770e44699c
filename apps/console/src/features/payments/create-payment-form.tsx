import { TenantpayApiError } from '@tenantpay/sdk';
import { useEffect, useState } from 'preact/hooks';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { newIdempotencyKey } from '../../api/new-idempotency-key';
import { parseMoney } from '../../format/parse-money';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import type { UsageReport } from '../dashboard/usage-report';
import { humanize, PAYMENT_METHODS, type PaymentMethod } from './payment';
import { quotaReachedMessage } from './quota-message';

/**
 * A new payment: the amount typed in major units and sent in the currency's minor units, exactly. One
 * Idempotency-Key per payment being entered (a retried submit never pays twice; a new one after success).
 * Once the month's quota is used up the form is disabled and says when it comes back.
 */
export function CreatePaymentForm(props: { readonly onCreated: () => void }) {
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey());
  const [quotaReached, setQuotaReached] = useState<string | null>(null);
  const [error, setError] = useState<{
    message: string;
    code: string | null;
    requestId: string | null;
  } | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    consoleApi
      .GET('/v1/usage')
      .then((body) => {
        const report = body as unknown as UsageReport;
        const limit = report.limits.transactions;
        if (limit !== 'unlimited' && report.usage.transactions >= limit)
          setQuotaReached(quotaReachedMessage(limit, report.periodEnd));
      })
      .catch(() => {
        // Unknown usage leaves the form open; the API still refuses a payment over quota.
      });
  }, []);

  const submit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const currency = formValue(form, 'currency').trim().toUpperCase();
    setError(null);
    setStatus('');
    // Typed as the browser's language writes numbers, as the amounts around it are shown.
    const amount = parseMoney(formValue(form, 'amount'), currency, navigator.language);
    if (!amount.ok) {
      setError({ message: amount.problem, code: null, requestId: null });
      return;
    }
    setBusy(true);
    try {
      const reference = formValue(form, 'reference').trim();
      await consoleApi.POST('/v1/payments', {
        params: { header: { 'Idempotency-Key': idempotencyKey } },
        body: {
          amount: amount.minorUnits,
          currency,
          reference,
          method: formValue(form, 'method') as PaymentMethod,
          ...(formValue(form, 'description').trim() === ''
            ? {}
            : { description: formValue(form, 'description').trim() }),
        },
      });
      form.reset();
      setIdempotencyKey(newIdempotencyKey());
      setStatus(`Payment ${reference} created.`);
      props.onCreated();
    } catch (failure) {
      if (failure instanceof TenantpayApiError && failure.code === 'quota_exceeded') {
        const detail = (failure.details ?? [])[0] as { limit?: number; resetsAt?: string } | undefined;
        setQuotaReached(
          detail?.limit !== undefined && detail.resetsAt !== undefined
            ? quotaReachedMessage(detail.limit, detail.resetsAt)
            : "Your plan's payments for this month are used up.",
        );
      } else {
        // A refused payment is final for this key: the next attempt is a new payment.
        if (failure instanceof TenantpayApiError && failure.status < 500)
          setIdempotencyKey(newIdempotencyKey());
        setError({
          message: apiErrorMessage(failure),
          code: failure instanceof TenantpayApiError ? failure.code : null,
          requestId: failure instanceof TenantpayApiError ? (failure.requestId ?? null) : null,
        });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form id="create-payment-form" class="card" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">New payment</h2>
      {quotaReached !== null && (
        <p class="notice-text" id="quota-reached" role="status">
          {quotaReached}
        </p>
      )}
      <fieldset disabled={quotaReached !== null || busy}>
        <legend class="visually-hidden">Payment details</legend>
        <div class="form-row">
          <label>
            Amount
            <input name="amount" inputMode="decimal" required placeholder="12.50" />
          </label>
          <label>
            Currency
            <input name="currency" required maxLength={3} size={4} defaultValue="EUR" />
          </label>
          <label>
            Method
            <select name="method">
              {PAYMENT_METHODS.map((method) => (
                <option key={method} value={method}>
                  {humanize(method)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Reference
            <input name="reference" required maxLength={100} />
          </label>
          <label>
            Description
            <input name="description" maxLength={500} />
          </label>
        </div>
        <button type="submit">Create payment</button>
      </fieldset>
      {error !== null && (
        <ErrorState message={error.message} code={error.code} requestId={error.requestId} id="create-error" />
      )}
      <p id="create-status" role="status">
        {status}
      </p>
    </form>
  );
}
