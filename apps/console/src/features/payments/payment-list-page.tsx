import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'wouter-preact';
import { apiErrorMessage } from '../../api/api-error-message';
import { consoleApi } from '../../api/console-api';
import { formatDateTime } from '../../format/format-date';
import { formatMoney } from '../../format/format-money';
import { useStaffUser } from '../../session/session-context';
import { PAYMENT_WRITERS } from '../../session/staff-user';
import { DataTable } from '../../ui/data-table';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { CreatePaymentForm } from './create-payment-form';
import { currentCursor, FIRST_PAGE, hasPreviousPage, nextPage, previousPage } from './cursor-pages';
import {
  humanize,
  PAYMENT_METHODS,
  PAYMENT_STATUSES,
  type Payment,
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
  const [pages, setPages] = useState(FIRST_PAGE);
  const [reload, setReload] = useState(0);
  const [page, setPage] = useState<{ rows: readonly Payment[]; hasMore: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setPage(null);
    setError(null);
    consoleApi
      .GET('/v1/payments', {
        params: { query: { ...filters, limit: PAGE_SIZE, starting_after: currentCursor(pages) } },
      })
      .then((body) => {
        const list = body as PaymentList;
        setPage({ rows: list.data, hasMore: list.has_more });
      })
      .catch((failure: unknown) => setError(apiErrorMessage(failure)));
  }, [filters, pages, reload]);

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
    setPages(FIRST_PAGE);
  };
  const clearFilters = (): void => {
    setFilters({});
    setPages(FIRST_PAGE);
  };
  const last = page?.rows.at(-1);

  return (
    <>
      <h1>Payments</h1>
      {PAYMENT_WRITERS.includes(user.role) && (
        <CreatePaymentForm
          onCreated={() => {
            setPages(FIRST_PAGE);
            setReload((count) => count + 1);
          }}
        />
      )}
      <form
        id="filters"
        class="filters"
        onSubmit={applyFilters}
        onReset={clearFilters}
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
      {error !== null && <ErrorState message={error} />}
      <div id="payments" aria-busy={page === null}>
        <DataTable
          caption="Payments, newest first"
          rows={page?.rows ?? []}
          busy={page === null && error === null}
          rowKey={(payment) => payment.id}
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
      </div>
      <nav class="pager" aria-label="Pages">
        <button
          type="button"
          id="previous-page"
          disabled={!hasPreviousPage(pages) || page === null}
          onClick={() => setPages(previousPage(pages))}
        >
          Previous
        </button>
        <button
          type="button"
          id="next-page"
          disabled={page === null || !page.hasMore || last === undefined}
          onClick={() => last !== undefined && setPages(nextPage(pages, last.id))}
        >
          Next
        </button>
      </nav>
    </>
  );
}
