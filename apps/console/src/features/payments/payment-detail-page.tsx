import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { formatDateTime } from '../../format/format-date';
import { formatMoney } from '../../format/format-money';
import { parseMoney } from '../../format/parse-money';
import { useStaffUser } from '../../session/session-context';
import { PAYMENT_WRITERS } from '../../session/staff-user';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { ApprovalDecision } from '../approvals/approval-decision';
import { humanize, type Payment } from './payment';
import { PaymentEvents } from './payment-events';

const REFUNDABLE: ReadonlySet<Payment['status']> = new Set(['COMPLETED', 'PARTIALLY_REFUNDED']);
const CANCELABLE: ReadonlySet<Payment['status']> = new Set(['PENDING', 'AWAITING_APPROVAL']);

/** One payment: its facts, status history, refunds and events, and what staff may do with it now. */
export function PaymentDetailPage({
  params,
}: {
  readonly params: Readonly<Record<string, string | undefined>>;
}) {
  const user = useStaffUser();
  const id = params['id'] ?? '';
  const [payment, setPayment] = useState<Payment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    consoleApi
      .GET('/v1/payments/{id}', { params: { path: { id } } })
      .then(setPayment)
      .catch((failure: unknown) => setError(apiErrorMessage(failure)));
  }, [id]);

  if (error !== null) return <ErrorState message={error} />;
  if (payment === null) return <p aria-busy="true">Loading the payment…</p>;
  const writer = PAYMENT_WRITERS.includes(user.role);
  const refundable = payment.amount - payment.refundedAmount;

  const act = async (work: () => Promise<Payment>): Promise<void> => {
    setBusy(true);
    setActionError(null);
    try {
      setPayment(await work());
    } catch (failure) {
      setActionError(apiErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };
  const refund = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const typed = formValue(form, 'amount').trim();
    const amount = typed === '' ? null : parseMoney(typed, payment.currency, navigator.language);
    if (amount !== null && !amount.ok) {
      setActionError(amount.problem);
      return;
    }
    const reason = formValue(form, 'reason').trim();
    void act(() =>
      consoleApi.POST('/v1/payments/{id}/refund', {
        params: { path: { id } },
        body: {
          ...(amount === null ? {} : { amount: amount.minorUnits }),
          ...(reason === '' ? {} : { reason }),
        },
      }),
    );
  };

  return (
    <>
      <p>
        <Link href="/payments">← Payments</Link>
      </p>
      <h1>Payment {payment.reference}</h1>
      <dl class="facts">
        <dt>Amount</dt>
        <dd id="payment-amount">{formatMoney(payment.amount, payment.currency)}</dd>
        <dt>Status</dt>
        <dd id="payment-status">{humanize(payment.status)}</dd>
        <dt>Method</dt>
        <dd>{humanize(payment.method)}</dd>
        <dt>Refunded</dt>
        <dd>{formatMoney(payment.refundedAmount, payment.currency)}</dd>
        <dt>Created</dt>
        <dd>{formatDateTime(payment.createdAt)}</dd>
        {payment.description !== null && (
          <>
            <dt>Description</dt>
            <dd>{payment.description}</dd>
          </>
        )}
        {payment.failureMessage !== null && (
          <>
            <dt>Failure</dt>
            <dd>{payment.failureMessage}</dd>
          </>
        )}
      </dl>
      {actionError !== null && <ErrorState message={actionError} id="payment-action-error" />}
      {payment.status === 'AWAITING_APPROVAL' && (
        <section class="card" aria-labelledby="approval-title">
          <h2 id="approval-title">Approval</h2>
          <ApprovalDecision payment={payment} onDecided={setPayment} />
        </section>
      )}
      {writer && CANCELABLE.has(payment.status) && (
        <button
          type="button"
          id="cancel-payment"
          disabled={busy}
          onClick={() =>
            void act(() =>
              consoleApi.POST('/v1/payments/{id}/cancel', { params: { path: { id } }, body: {} }),
            )
          }
        >
          Cancel payment
        </button>
      )}
      {writer && REFUNDABLE.has(payment.status) && refundable > 0 && (
        <form id="refund-form" class="card" onSubmit={refund} aria-labelledby="refund-title">
          <h2 id="refund-title">Refund</h2>
          <label>
            Amount (leave empty for the remaining {formatMoney(refundable, payment.currency)})
            <input name="amount" inputMode="decimal" />
          </label>
          <label>
            Reason
            <input name="reason" maxLength={500} />
          </label>
          <button type="submit" disabled={busy}>
            Refund
          </button>
        </form>
      )}
      <DataTable
        caption="Status history"
        rows={payment.statusHistory}
        rowKey={(change) => `${change.at}-${change.to}`}
        emptyTitle="No status changes yet."
        columns={[
          { header: 'When', cell: (change) => formatDateTime(change.at) },
          { header: 'From', cell: (change) => (change.from === null ? '—' : humanize(change.from)) },
          { header: 'To', cell: (change) => humanize(change.to) },
          { header: 'By', cell: (change) => humanize(change.by.type) },
          { header: 'Reason', cell: (change) => change.reason ?? '' },
        ]}
      />
      <PaymentEvents paymentId={payment.id} reloadKey={`${payment.status}-${payment.refundedAmount}`} />
      {payment.refunds.length > 0 && (
        <DataTable
          caption="Refunds"
          rows={payment.refunds}
          rowKey={(item) => item.id}
          emptyTitle="No refunds."
          columns={[
            { header: 'When', cell: (item) => formatDateTime(item.createdAt) },
            { header: 'Amount', numeric: true, cell: (item) => formatMoney(item.amount, payment.currency) },
            { header: 'Status', cell: (item) => humanize(item.status) },
            { header: 'Reason', cell: (item) => item.reason ?? '' },
          ]}
        />
      )}
    </>
  );
}
