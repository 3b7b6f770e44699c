import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { CAPTURED_MAIL_FILE_SUFFIX, type CapturedMail } from './captured-mail';

/** How many messages the development mailbox shows: the newest ones. */
export const DEV_MAILBOX_MAX_MESSAGES = 200;

/**
 * Reads what the development SMTP sink captured (newest first). Development only: the API registers the route
 * that uses it only outside production, and the config refuses DEV_MAILBOX_DIR in production.
 */
export class DevMailboxReader {
  constructor(private readonly directory: string) {}

  async list(to?: string): Promise<CapturedMail[]> {
    const names = (await readdir(this.directory).catch(() => [] as string[]))
      .filter((name) => name.endsWith(CAPTURED_MAIL_FILE_SUFFIX))
      .sort()
      .reverse();
    const wanted = to?.trim().toLowerCase();
    const messages: CapturedMail[] = [];
    for (const name of names) {
      if (messages.length >= DEV_MAILBOX_MAX_MESSAGES) break;
      const mail = JSON.parse(await readFile(path.join(this.directory, name), 'utf8')) as CapturedMail;
      if (
        wanted === undefined ||
        wanted === '' ||
        mail.to.some((address) => address.toLowerCase() === wanted)
      )
        messages.push(mail);
    }
    return messages;
  }
}
