import type { MailContent } from '@tenantpay/mail';
import { TenantUserRole } from '../users/tenant-user-role.enum';

/**
 * The link in an invitation email opens the staff console's acceptance route on the tenant's host
 * (`/?token=…#/accept-invitation`: the link builder puts the token ahead of the hash).
 */
export const INVITATION_ACCEPT_PATH = '/#/accept-invitation';

/**
 * The link in a platform operator's invitation: the platform console's acceptance page on the platform host
 * (`admin.{BASE_DOMAIN}`), which uses `POST /v1/platform/invitations/accept`; a tenant's acceptance route would
 * not know the token.
 */
export const PLATFORM_INVITATION_ACCEPT_PATH = '/accept-invitation';

/** What an invitee becomes, in the email's words. */
export const TENANT_ROLE_WORDS: Readonly<Record<TenantUserRole, string>> = {
  [TenantUserRole.Admin]: 'an administrator',
  [TenantUserRole.Operator]: 'an operator',
  [TenantUserRole.Viewer]: 'a viewer',
};
export const PLATFORM_OPERATOR_WORDS = 'a platform operator (super-admin)';

export function invitationMailContent(input: {
  readonly organisation: string;
  /** What the invitee becomes: "an administrator", "a platform operator (super-admin)"… */
  readonly as: string;
  readonly inviteeName: string | null;
  readonly acceptUrl: string;
  readonly expiresAt: Date;
}): MailContent {
  const greeting = input.inviteeName === null ? 'Hello,' : `Hello ${input.inviteeName},`;
  return {
    subject: `You are invited to join ${input.organisation}`,
    heading: `Join ${input.organisation}`,
    paragraphs: [
      greeting,
      `You have been invited to join ${input.organisation} as ${input.as}. Choose a password to activate your account.`,
    ],
    action: { label: 'Accept the invitation', url: input.acceptUrl },
    footnote: `This link works once and expires on ${input.expiresAt.toUTCString()}. If you did not expect this invitation, ignore this email.`,
  };
}
