import { ErrorState } from '../../../ui/error-state';
import { formValue } from '../../../ui/form-value';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import type { AdminTenant } from './admin-tenant';
import { formatLimit } from '../../../format/format-limit';
import { type LimitOverride, limitOverrideText, parseLimitOverride } from './limit-override';

const FIELDS = [
  { name: 'maxUsers', label: 'Users' },
  { name: 'transactionsPerMonth', label: 'Transactions per month' },
  { name: 'apiRequestsPerMinute', label: 'API requests per minute' },
] as const;

type LimitName = (typeof FIELDS)[number]['name'];

/**
 * The tenant's limit overrides: each field blank for the tier's default (shown as its placeholder), a whole
 * number, or "unlimited". Every field is read before anything is sent, and a bad one is named.
 */
export function TenantLimitsForm(props: {
  readonly tenant: AdminTenant;
  readonly onSaved: (tenant: AdminTenant) => void;
}) {
  const action = useAction();
  const overrides = props.tenant.limitOverrides as Partial<Record<LimitName, LimitOverride>>;
  const submit = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    return action.run(async () => {
      const body: Partial<Record<LimitName, LimitOverride>> = {};
      for (const field of FIELDS) {
        const parsed = parseLimitOverride(formValue(form, field.name));
        if (!parsed.ok) throw new Error(`${field.label}: ${parsed.error}`);
        body[field.name] = parsed.value;
      }
      props.onSaved(
        await platformApi.PUT('/v1/admin/tenants/{id}/limits', {
          params: { path: { id: props.tenant.id } },
          body,
        }),
      );
    });
  };
  return (
    <form id="limits-form" class="card stacked-form" onSubmit={submit} aria-labelledby="limits-title">
      <h2 id="limits-title">Limit overrides</h2>
      <p class="muted">Blank keeps the tier’s limit; type a whole number or “unlimited” to override it.</p>
      {FIELDS.map((field) => (
        <label key={field.name}>
          {field.label} (now {formatLimit(props.tenant.limits[field.name])})
          <input
            name={field.name}
            defaultValue={limitOverrideText(overrides[field.name])}
            placeholder="Tier default"
            inputMode="numeric"
            autocomplete="off"
          />
        </label>
      ))}
      {action.error !== null && <ErrorState id="limits-error" message={action.error} />}
      <button type="submit" disabled={action.busy}>
        Save limits
      </button>
    </form>
  );
}
