import { useState } from 'preact/hooks';
import { consoleApi } from '../../api/console-api';
import { useApiData } from '../../api/use-api-data';
import { applyBranding } from '../../branding/apply-branding';
import type { PublicBranding } from '../../branding/public-branding';
import { ErrorState } from '../../ui/error-state';
import { formValue } from '../../ui/form-value';
import { useAction } from '../../ui/use-action';
import { BrandingPreview } from './branding-preview';
import { CustomDomains } from './custom-domains';

const DEFAULT_PRIMARY = '#24292f';
const DEFAULT_SECONDARY = '#f6f8fa';

interface BrandingWarning {
  readonly message: string;
}

/** The white-label: name, logo, colours with a live preview, support links; and the tenant's own domains. */
export function BrandingPage() {
  const current = useApiData(() => consoleApi.GET('/v1/branding') as Promise<PublicBranding>);
  return (
    <>
      <h1>Branding</h1>
      {current.error !== null && <ErrorState message={current.error} />}
      {current.data === null ? (
        current.error === null && <p aria-busy="true">Loading branding…</p>
      ) : (
        <BrandingForm branding={current.data} />
      )}
      <CustomDomains />
    </>
  );
}

function BrandingForm(props: { readonly branding: PublicBranding }) {
  const [displayName, setDisplayName] = useState(props.branding.displayName);
  const [primaryColor, setPrimaryColor] = useState(props.branding.primaryColor ?? DEFAULT_PRIMARY);
  const [secondaryColor, setSecondaryColor] = useState(props.branding.secondaryColor ?? DEFAULT_SECONDARY);
  const [warnings, setWarnings] = useState<readonly BrandingWarning[] | null>(null);
  const action = useAction();

  const save = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const optional = (name: string) =>
      formValue(form, name) === '' ? {} : { [name]: formValue(form, name) };
    void action.run(async () => {
      const saved = (await consoleApi.PUT('/v1/branding', {
        body: {
          displayName,
          primaryColor,
          secondaryColor,
          ...optional('logoUrl'),
          ...optional('supportEmail'),
          ...optional('supportUrl'),
          ...optional('locale'),
        },
      })) as PublicBranding & { readonly warnings: readonly BrandingWarning[] };
      applyBranding(saved);
      setWarnings(saved.warnings);
    });
  };

  return (
    <div class="branding-editor">
      <section class="card" aria-labelledby="brand-form-title">
        <h2 id="brand-form-title">Your brand</h2>
        <form class="stacked-form" onSubmit={save}>
          <label>
            Display name
            <input
              name="displayName"
              required
              maxLength={100}
              value={displayName}
              onInput={(event) => setDisplayName(event.currentTarget.value)}
            />
          </label>
          <label>
            Logo URL (https)
            <input name="logoUrl" type="url" defaultValue={props.branding.logoUrl ?? ''} />
          </label>
          <label>
            Primary colour
            <input
              name="primaryColor"
              type="color"
              value={primaryColor}
              onInput={(event) => setPrimaryColor(event.currentTarget.value)}
            />
          </label>
          <label>
            Secondary colour
            <input
              name="secondaryColor"
              type="color"
              value={secondaryColor}
              onInput={(event) => setSecondaryColor(event.currentTarget.value)}
            />
          </label>
          <label>
            Support email
            <input name="supportEmail" type="email" defaultValue={props.branding.supportEmail ?? ''} />
          </label>
          <label>
            Support site (https)
            <input name="supportUrl" type="url" defaultValue={props.branding.supportUrl ?? ''} />
          </label>
          <label>
            Locale of dates and amounts (a language tag such as de-DE or en-US)
            <input name="locale" autocomplete="off" maxLength={35} defaultValue={props.branding.locale} />
          </label>
          <button type="submit" disabled={action.busy}>
            Save branding
          </button>
        </form>
        {action.error !== null && <ErrorState message={action.error} />}
        {warnings !== null && (
          <div role="status">
            <p>Saved.</p>
            {warnings.map((warning) => (
              <p key={warning.message} class="warning">
                {warning.message}
              </p>
            ))}
          </div>
        )}
      </section>
      <BrandingPreview
        displayName={displayName}
        primaryColor={primaryColor}
        secondaryColor={secondaryColor}
      />
    </div>
  );
}
