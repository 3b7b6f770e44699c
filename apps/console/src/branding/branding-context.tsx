import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { TenantpayApiError } from '@tenantpay/sdk';
import { consoleApi } from '../api/console-api';
import { applyBranding } from './apply-branding';
import { type PublicBranding, UNBRANDED } from './public-branding';

export type BrandingState =
  | { readonly status: 'loading' }
  | { readonly status: 'no-tenant' }
  | { readonly status: 'ready'; readonly branding: PublicBranding };

const BrandingContext = createContext<PublicBranding>(UNBRANDED);

/**
 * Reads this host's brand once. A host that names no tenant has no console; any other failure leaves the
 * console unbranded, because the brand is decoration.
 */
export function BrandingProvider(props: { readonly children: (state: BrandingState) => ComponentChildren }) {
  const [state, setState] = useState<BrandingState>({ status: 'loading' });
  useEffect(() => {
    consoleApi
      .GET('/v1/branding')
      .then((body) => {
        const branding = body as PublicBranding;
        applyBranding(branding);
        setState({ status: 'ready', branding });
      })
      .catch((error: unknown) =>
        setState(
          error instanceof TenantpayApiError && error.code === 'tenant_not_found'
            ? { status: 'no-tenant' }
            : { status: 'ready', branding: UNBRANDED },
        ),
      );
  }, []);
  return (
    <BrandingContext.Provider value={state.status === 'ready' ? state.branding : UNBRANDED}>
      {props.children(state)}
    </BrandingContext.Provider>
  );
}

export function useBranding(): PublicBranding {
  return useContext(BrandingContext);
}
