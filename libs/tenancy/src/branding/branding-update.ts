import type { BrandContrastWarning } from './brand-contrast-warning';
import type { PublicBranding } from './public-branding';

/** The answer to replacing the branding: the branding as now shown, and what its colours make hard to see. */
export interface BrandingUpdate extends PublicBranding {
  readonly warnings: readonly BrandContrastWarning[];
}
