import { useState } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { consoleApi } from '../../api/console-api';
import { formatDateTime } from '../../format/format-date';
import { formatMoney } from '../../format/format-money';
import { useStaffUser } from '../../session/session-context';
import { PAYMENT_WRITERS } from '../../session/staff-user';
import { formValue } from '../../ui/form-value';
import { PagedTable } from '../../ui/paged-table';
import { CreatePaymentForm } from './create-payment-form';
import {
  humanize,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type PaymentList,
  type PaymentMethod,
  type PaymentStatus,
} from './payment';

const PAGE_SIZE = 10;

interface Filters {
  readonly status?: PaymentStatus;
  readonly currency?: string;
  readonly method?: PaymentMethod;
  readonly reference?: string;
}

/** The tenant's payments, newest first, ten to a page, with the API's filters; writers create from here. */
export function PaymentListPage() {
  const user = useStaffUser();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useState<Filters>({});
  /** Each search, clear or new payment starts the list again at its first page (a new payment shows first). */
  const [restarts, setRestarts] = useState(0);
  const restart = () => setRestarts((count) => count + 1);

  const applyFilters = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const status = formValue(form, 'status');
    const method = formValue(form, 'method');
    setFilters({
      ...(status === '' ? {} : { status: status as PaymentStatus }),
      ...(method === '' ? {} : { method: method as PaymentMethod }),
      ...(formValue(form, 'currency').trim() === ''
        ? {}
        : { currency: formValue(form, 'currency').trim().toUpperCase() }),
      ...(formValue(form, 'reference').trim() === ''
        ? {}
        : { reference: formValue(form, 'reference').trim() }),
    });
    restart();
  };

  return (
    <>
      <h1>Payments</h1>
      {PAYMENT_WRITERS.includes(user.role) && <CreatePaymentForm onCreated={restart} />}
      <form
        id="filters"
        class="filters"
        onSubmit={applyFilters}
        onReset={() => {
          setFilters({});
          restart();
        }}
        aria-label="Filter payments"
      >
        <label>
          Status
          <select name="status">
            <option value="">Any</option>
            {PAYMENT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {humanize(status)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Method
          <select name="method">
            <option value="">Any</option>
            {PAYMENT_METHODS.map((method) => (
              <option key={method} value={method}>
                {humanize(method)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Currency
          <input name="currency" maxLength={3} size={4} />
        </label>
        <label>
          Reference
          <input name="reference" />
        </label>
        <button type="submit">Filter</button>
        <button type="reset" class="secondary">
          Clear
        </button>
      </form>
      <PagedTable
        key={restarts}
        id="payments"
        caption="Payments, newest first"
        pagerLabel="Pages"
        load={(startingAfter) =>
          consoleApi.GET('/v1/payments', {
            params: { query: { ...filters, limit: PAGE_SIZE, starting_after: startingAfter } },
          }) as Promise<PaymentList>
        }
        rowId={(payment) => payment.id}
        onOpen={(payment) => navigate(`/payments/${payment.id}`)}
        emptyTitle={
          Object.keys(filters).length === 0 ? 'No payments yet.' : 'No payments match these filters.'
        }
        columns={[
          { header: 'Reference', cell: (payment) => payment.reference },
          {
            header: 'Amount',
            numeric: true,
            cell: (payment) => formatMoney(payment.amount, payment.currency),
          },
          { header: 'Method', cell: (payment) => humanize(payment.method) },
          { header: 'Status', cell: (payment) => <span class="status">{humanize(payment.status)}</span> },
          { header: 'Created', cell: (payment) => formatDateTime(payment.createdAt) },
        ]}
      />
    </>
  );
}
