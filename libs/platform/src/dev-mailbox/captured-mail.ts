/**
 * One message the development SMTP sink captured, as it stores it (one JSON file per message in DEV_MAILBOX_DIR,
 * named `<receivedAt ms>-<id>.json` so a directory listing sorts oldest first) and as GET /dev/mailbox shows it.
 */
export interface CapturedMail {
  readonly id: string;
  readonly receivedAt: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly messageId: string | null;
}

export const CAPTURED_MAIL_FILE_SUFFIX = '.json';

export function capturedMailFileName(mail: CapturedMail): string {
  return `${Date.parse(mail.receivedAt)}-${mail.id}${CAPTURED_MAIL_FILE_SUFFIX}`;
}
