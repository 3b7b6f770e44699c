import { AUDITED_VIEW_NOTICE } from '../platform-console.constant';

/** The mark on every cross-tenant screen: operators see that what they open is on the record. */
export function AuditedViewBanner() {
  return (
    <p class="audited-banner" id="audited-banner" role="note">
      <strong>Audited view.</strong> {AUDITED_VIEW_NOTICE}
    </p>
  );
}
