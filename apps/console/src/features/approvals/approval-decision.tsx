import { useState } from 'preact/hooks';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { useStaffUser } from '../../session/session-context';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import type { Payment } from '../payments/payment';
import { approvalBlocker } from './approval-rules';

/** Approve, or reject with a reason, one payment awaiting approval; disabled, saying why, when not allowed. */
export function ApprovalDecision(props: {
  readonly payment: Payment;
  readonly onDecided: (payment: Payment) => void;
}) {
  const user = useStaffUser();
  const blocker = approvalBlocker(props.payment, user);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const hintId = `approval-hint-${props.payment.id}`;

  const decide = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const action = (event.submitter as HTMLButtonElement | null)?.value === 'reject' ? 'reject' : 'approve';
    const note = formValue(form, 'note').trim();
    if (action === 'reject' && note === '') {
      setError('Give a reason to reject the payment.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const params = { path: { id: props.payment.id } };
      const body = note === '' ? {} : { note };
      props.onDecided(
        action === 'approve'
          ? await consoleApi.POST('/v1/payments/{id}/approve', { params, body })
          : await consoleApi.POST('/v1/payments/{id}/reject', { params, body }),
      );
    } catch (failure) {
      setError(apiErrorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="approval-decision" onSubmit={decide} aria-label={`Decide on ${props.payment.reference}`}>
      <label>
        Reason (required to reject)
        <input name="note" maxLength={500} disabled={blocker !== null || busy} />
      </label>
      <div class="button-row">
        <button
          type="submit"
          value="approve"
          disabled={blocker !== null || busy}
          aria-describedby={blocker === null ? undefined : hintId}
        >
          Approve
        </button>
        <button
          type="submit"
          value="reject"
          class="secondary"
          disabled={blocker !== null || busy}
          aria-describedby={blocker === null ? undefined : hintId}
        >
          Reject
        </button>
      </div>
      {blocker !== null && (
        <p class="muted" id={hintId}>
          {blocker}
        </p>
      )}
      {error !== null && <ErrorState message={error} />}
    </form>
  );
}
