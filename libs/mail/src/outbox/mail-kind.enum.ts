/** What an email is for; stored with it, shown in the development mailbox, never used to route it. */
export enum MailKind {
  Invitation = 'invitation',
  PasswordReset = 'password_reset',
  /** To a tenant user whose account the failed-login limit just locked. */
  LockoutNotice = 'lockout_notice',
  /** To a tenant's admins when usage reaches 80 % or 100 % of a limit. */
  UsageAlert = 'usage_alert',
}
