import type { MailKind } from './mail-kind.enum';

/** A rendered email for the outbox. */
export interface NewMail {
  readonly kind: MailKind;
  readonly to: string;
  readonly fromName: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
