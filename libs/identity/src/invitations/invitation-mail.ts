import type { MailContent } from '@tenantpay/mail';
import { TenantUserRole } from '../users/tenant-user-role.enum';

/** The link in an invitation email opens the portal's acceptance page on the tenant's host. */
export const INVITATION_ACCEPT_PATH = '/portal/accept-invitation.html';

const ROLE_WORDS: Readonly<Record<TenantUserRole, string>> = {
  [TenantUserRole.Admin]: 'an administrator',
  [TenantUserRole.Operator]: 'an operator',
  [TenantUserRole.Viewer]: 'a viewer',
};

export function invitationMailContent(input: {
  readonly organisation: string;
  readonly role: TenantUserRole;
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
      `You have been invited to join ${input.organisation} as ${ROLE_WORDS[input.role]}. Choose a password to activate your account.`,
    ],
    action: { label: 'Accept the invitation', url: input.acceptUrl },
    footnote: `This link works once and expires on ${input.expiresAt.toUTCString()}. If you did not expect this invitation, ignore this email.`,
  };
}
