/** What an email is for; stored with it, shown in the development mailbox, never used to route it. */
export enum MailKind {
  Invitation = 'invitation',
  PasswordReset = 'password_reset',
}
