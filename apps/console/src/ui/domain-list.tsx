import type { ComponentChildren } from 'preact';
import type { components } from '@tenantpay/sdk';
import { formatDateTime } from '../format/format-date';
import { EmptyState } from './empty-state';
import { ErrorState } from './error-state';
import { formValue } from './form-value';
import { useAction } from './use-action';

/** A custom domain as both the tenant's and the platform's routes answer it. */
export type ListedDomain = Pick<
  components['schemas']['TenantDomainResponse'],
  'hostname' | 'status' | 'verificationRecord' | 'verifiedAt' | 'createdAt'
>;

/** A change the list asks to be confirmed first: the question, then the call. */
export interface ConfirmedDomainChange {
  readonly question: (domain: ListedDomain) => string;
  readonly run: (domain: ListedDomain) => Promise<void>;
}

/**
 * Custom domains, on the staff console's branding screen and the platform's tenant screen: a hostname to add,
 * each domain with its state, the TXT record to publish while it waits, the DNS check, and removal. The caller
 * gives the calls (and may offer a decision by hand); the list runs each as its one action, buttons disabled
 * meanwhile, the failure shown above the list beside the caller's own `children`.
 */
export function DomainList(props: {
  readonly domains: readonly ListedDomain[] | null;
  readonly id?: string;
  readonly formId?: string;
  readonly placeholder: string;
  readonly emptyTitle: string;
  /** Who publishes the record, e.g. "Publish this DNS record, then check it:". */
  readonly recordIntro: string;
  readonly add: (hostname: string) => Promise<void>;
  readonly checkDns: (domain: ListedDomain) => Promise<void>;
  readonly markVerified?: ConfirmedDomainChange;
  readonly remove: ConfirmedDomainChange;
  readonly children?: ComponentChildren;
}) {
  const action = useAction();
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    void action.run(async () => {
      await props.add(formValue(form, 'hostname').trim());
      form.reset();
    });
  };
  const confirmed = (change: ConfirmedDomainChange, domain: ListedDomain) => {
    if (window.confirm(change.question(domain))) void action.run(() => change.run(domain));
  };
  const { markVerified } = props;
  return (
    <section class="card" aria-labelledby="domains-title" id={props.id}>
      <h2 id="domains-title">Custom domains</h2>
      <form class="inline-form" id={props.formId} onSubmit={add}>
        <label>
          Hostname
          <input name="hostname" required maxLength={253} placeholder={props.placeholder} />
        </label>
        <button type="submit" disabled={action.busy}>
          Add domain
        </button>
      </form>
      {action.error !== null && <ErrorState message={action.error} />}
      {props.children}
      {props.domains !== null && props.domains.length === 0 && <EmptyState title={props.emptyTitle} />}
      <ul class="domain-list">
        {(props.domains ?? []).map((domain) => (
          <li key={domain.hostname} data-hostname={domain.hostname}>
            <p>
              <strong>{domain.hostname}</strong> —{' '}
              {domain.status === 'VERIFIED' && domain.verifiedAt !== null
                ? `verified ${formatDateTime(domain.verifiedAt)}`
                : `waiting for verification since ${formatDateTime(domain.createdAt)}`}
            </p>
            {domain.status !== 'VERIFIED' && (
              <p>
                {props.recordIntro} <code>{domain.verificationRecord.type}</code>{' '}
                <code>{domain.verificationRecord.name}</code> ={' '}
                <code class="secret-value">{domain.verificationRecord.value}</code>
              </p>
            )}
            <span class="row-actions">
              {domain.status !== 'VERIFIED' && (
                <>
                  <button
                    type="button"
                    disabled={action.busy}
                    onClick={() => void action.run(() => props.checkDns(domain))}
                  >
                    Check DNS <span class="visually-hidden">{domain.hostname}</span>
                  </button>
                  {markVerified !== undefined && (
                    <button
                      type="button"
                      disabled={action.busy}
                      onClick={() => confirmed(markVerified, domain)}
                    >
                      Mark verified <span class="visually-hidden">{domain.hostname}</span>
                    </button>
                  )}
                </>
              )}
              <button
                type="button"
                class="danger"
                disabled={action.busy}
                onClick={() => confirmed(props.remove, domain)}
              >
                Remove <span class="visually-hidden">{domain.hostname}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
