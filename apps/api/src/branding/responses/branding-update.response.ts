import type { BrandingUpdate } from '@tenantpay/tenancy';
import { BrandContrastWarningResponse } from './brand-contrast-warning.response';
import { PublicBrandingResponse } from './public-branding.response';

/** The branding as now shown, with the warnings its colours raise. */
export class BrandingUpdateResponse extends PublicBrandingResponse implements BrandingUpdate {
  readonly warnings!: BrandContrastWarningResponse[];
}
