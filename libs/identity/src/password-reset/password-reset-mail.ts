import type { MailContent } from '@tenantpay/mail';

export function passwordResetMailContent(input: {
  readonly organisation: string;
  readonly resetUrl: string;
}): MailContent {
  return {
    subject: `Reset your ${input.organisation} password`,
    heading: 'Reset your password',
    paragraphs: [
      `Someone (hopefully you) asked to reset the password of your ${input.organisation} account.`,
      'Choose a new password with the link below.',
    ],
    action: { label: 'Choose a new password', url: input.resetUrl },
    footnote:
      'The link works once, for 30 minutes. If you did not ask for this, ignore this email: your password stays as it is.',
  };
}
