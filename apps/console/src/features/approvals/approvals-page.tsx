import { useEffect, useState } from 'preact/hooks';
import { Link } from 'wouter-preact';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { formatDateTime } from '../../format/format-date';
import { formatMoney } from '../../format/format-money';
import { EmptyState } from '../../ui/empty-state';
import { ErrorState } from '../../ui/error-state';
import type { Payment, PaymentList } from '../payments/payment';
import { ApprovalDecision } from './approval-decision';

/** The four-eyes queue: payments awaiting an administrator's approval, oldest decisions first in line. */
export function ApprovalsPage() {
  const [queue, setQueue] = useState<readonly Payment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [decided, setDecided] = useState<string>('');

  useEffect(() => {
    consoleApi
      .GET('/v1/payments', { params: { query: { status: 'AWAITING_APPROVAL', limit: 100 } } })
      .then((list) => setQueue((list as PaymentList).data))
      .catch((failure: unknown) => setError(apiErrorMessage(failure)));
  }, []);

  return (
    <>
      <h1>Approvals</h1>
      <p id="approval-status" role="status">
        {decided}
      </p>
      {error !== null && <ErrorState message={error} />}
      {queue === null && error === null && <p aria-busy="true">Loading the queue…</p>}
      {queue !== null && queue.length === 0 && <EmptyState title="No payments are waiting for approval." />}
      <ul class="approval-queue" aria-label="Payments awaiting approval">
        {(queue ?? []).map((payment) => (
          <li key={payment.id} class="card" data-row-key={payment.id}>
            <h2>
              <Link href={`/payments/${payment.id}`}>{payment.reference}</Link>
            </h2>
            <p>
              {formatMoney(payment.amount, payment.currency)} · created {formatDateTime(payment.createdAt)}
            </p>
            <ApprovalDecision
              payment={payment}
              onDecided={(updated) => {
                setQueue((current) => (current ?? []).filter((item) => item.id !== updated.id));
                setDecided(
                  `${updated.reference}: ${updated.status === 'REJECTED' ? 'rejected' : 'approved'}.`,
                );
              }}
            />
          </li>
        ))}
      </ul>
    </>
  );
}
