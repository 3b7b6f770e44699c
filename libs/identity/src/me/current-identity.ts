/** Who the caller is, as `GET /v1/auth/me` shows it. */
export type CurrentIdentity =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly email: string;
      readonly role: string;
      readonly tenantId: string;
    }
  | { readonly kind: 'platform-user'; readonly id: string; readonly email: string; readonly role: string };
