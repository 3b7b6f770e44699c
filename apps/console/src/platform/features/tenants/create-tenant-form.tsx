import { ErrorState } from '../../../ui/error-state';
import { formValue } from '../../../ui/form-value';
import { useAction } from '../../../ui/use-action';
import { platformApi } from '../../api/platform-api';
import { type AdminTenant, type Tier, TIERS } from './admin-tenant';
import { titleCase } from '../../../layout/route-gate';

/**
 * A new bank: its slug (its subdomain, checked by the API: DNS label, not reserved), name and tier, with the
 * invitation of its first admin in the same request, so no tenant is ever created without a way in.
 */
export function CreateTenantForm(props: {
  readonly onCreated: (tenant: AdminTenant, invitedEmail: string) => void;
}) {
  const action = useAction();
  const submit = (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const adminName = formValue(form, 'adminName').trim();
    const adminEmail = formValue(form, 'adminEmail').trim();
    return action.run(async () => {
      const created = await platformApi.POST('/v1/admin/tenants', {
        body: {
          slug: formValue(form, 'slug').trim().toLowerCase(),
          name: formValue(form, 'name').trim(),
          tier: formValue(form, 'tier') as Tier,
          admin: { email: adminEmail, ...(adminName === '' ? {} : { name: adminName }) },
        },
      });
      form.reset();
      props.onCreated(created, adminEmail);
    });
  };
  return (
    <form
      id="create-tenant-form"
      class="card stacked-form"
      onSubmit={submit}
      aria-labelledby="create-tenant-title"
    >
      <h2 id="create-tenant-title">New tenant</h2>
      <label>
        Slug (its subdomain)
        <input
          name="slug"
          required
          maxLength={63}
          pattern="[a-z0-9]([a-z0-9-]*[a-z0-9])?"
          autocomplete="off"
        />
      </label>
      <label>
        Name
        <input name="name" required maxLength={200} />
      </label>
      <label>
        Tier
        <select name="tier" defaultValue="STARTER">
          {TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {titleCase(tier)}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>First administrator (invited by email)</legend>
        <label>
          Email
          <input name="adminEmail" type="email" required maxLength={254} />
        </label>
        <label>
          Name (optional)
          <input name="adminName" maxLength={200} />
        </label>
      </fieldset>
      {action.error !== null && <ErrorState id="create-tenant-error" message={action.error} />}
      <button type="submit" disabled={action.busy}>
        Create tenant and invite
      </button>
    </form>
  );
}
