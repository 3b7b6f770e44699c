import type { MailContent } from '@tenantpay/mail';

export function lockoutNoticeMailContent(input: {
  readonly organisation: string;
  readonly failedAttempts: number;
  readonly lockMinutes: number;
  /** Who can unlock it at once (a tenant's administrators); null where nobody can (platform operators). */
  readonly unlockedBy: string | null;
  readonly resetUrl: string;
}): MailContent {
  const reopens = `It opens again by itself within ${input.lockMinutes} minutes`;
  return {
    subject: `Your ${input.organisation} account is locked`,
    heading: 'Your account is locked',
    paragraphs: [
      `Someone entered a wrong password for your ${input.organisation} account ${input.failedAttempts} times, so we locked it.`,
      input.unlockedBy === null
        ? `${reopens}.`
        : `${reopens}, or at once when ${input.unlockedBy} unlocks it.`,
      'If this was not you, someone may know your email address: choose a new password with the link below once the account is open again.',
    ],
    action: { label: 'Reset your password', url: input.resetUrl },
    footnote:
      'You get this email once per lock. Nobody signed in: a locked account refuses even the right password.',
  };
}
