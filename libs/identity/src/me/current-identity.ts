/** Who the caller is, as `GET /v1/me` (and its alias `/v1/auth/me`) or `/v1/platform/auth/me` shows it. */
export type CurrentIdentity =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly email: string;
      readonly role: string;
      readonly tenantId: string;
      /** The tenant's tier and what it includes: the staff console shows a feature outside it as such. */
      readonly tier: string;
      readonly features: readonly string[];
    }
  | { readonly kind: 'platform-user'; readonly id: string; readonly email: string; readonly role: string }
  | {
      readonly kind: 'api-key';
      readonly id: string;
      readonly name: string;
      readonly tenantId: string;
      readonly scopes: readonly string[];
      /** The key's visible start, e.g. `tp_live_65a1b2c3d4e5f60718293a4b_AbC123xY`. */
      readonly prefix: string;
      readonly expiresAt: string | null;
      /** `active`, or `rotating` while a rotation's overlap lets it work beside its replacement. */
      readonly status: string;
    };
