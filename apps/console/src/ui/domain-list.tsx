import type { ComponentChildren } from 'preact';
import type { components } from '@tenantpay/sdk';
import { formatDateTime } from '../format/format-date';
import { EmptyState } from './empty-state';
import { formValue } from './form-value';

/** A custom domain as both the tenant's and the platform's routes answer it. */
export type ListedDomain = Pick<
  components['schemas']['TenantDomainResponse'],
  'hostname' | 'status' | 'verificationRecord' | 'verifiedAt' | 'createdAt'
>;

/**
 * Custom domains, on the staff console's branding screen and the platform's tenant screen: a hostname to add,
 * each domain with its state, the TXT record to publish while it waits, the DNS check, and removal. The caller
 * does the calls (and may offer a decision by hand); `children` shows its errors above the list.
 */
export function DomainList(props: {
  readonly domains: readonly ListedDomain[] | null;
  readonly busy: boolean;
  readonly id?: string;
  readonly formId?: string;
  readonly placeholder: string;
  readonly emptyTitle: string;
  /** Who publishes the record, e.g. "Publish this DNS record, then check it:". */
  readonly recordIntro: string;
  readonly onAdd: (hostname: string, form: HTMLFormElement) => void;
  readonly onCheckDns: (domain: ListedDomain) => void;
  readonly onMarkVerified?: (domain: ListedDomain) => void;
  readonly onRemove: (domain: ListedDomain) => void;
  readonly children?: ComponentChildren;
}) {
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    props.onAdd(formValue(form, 'hostname').trim(), form);
  };
  return (
    <section class="card" aria-labelledby="domains-title" id={props.id}>
      <h2 id="domains-title">Custom domains</h2>
      <form class="inline-form" id={props.formId} onSubmit={add}>
        <label>
          Hostname
          <input name="hostname" required maxLength={253} placeholder={props.placeholder} />
        </label>
        <button type="submit" disabled={props.busy}>
          Add domain
        </button>
      </form>
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
                  <button type="button" disabled={props.busy} onClick={() => props.onCheckDns(domain)}>
                    Check DNS <span class="visually-hidden">{domain.hostname}</span>
                  </button>
                  {props.onMarkVerified !== undefined && (
                    <button
                      type="button"
                      disabled={props.busy}
                      onClick={() => props.onMarkVerified?.(domain)}
                    >
                      Mark verified <span class="visually-hidden">{domain.hostname}</span>
                    </button>
                  )}
                </>
              )}
              <button
                type="button"
                class="danger"
                disabled={props.busy}
                onClick={() => props.onRemove(domain)}
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
