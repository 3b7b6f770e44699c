import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { SmtpSink } from '@tenantpay/local-services';
import type { CapturedMail } from '@tenantpay/platform';

export interface TestSmtpSink {
  /** `smtp://127.0.0.1:<port>`: give it to the apps as SMTP_URL. */
  readonly url: string;
  /** Where the sink stores each message as JSON: give it to the API as DEV_MAILBOX_DIR. */
  readonly directory: string;
  /**
   * The first message to `to` (already or later) whose subject matches, if given; with `skip`, the one after
   * that many earlier matches (a resent email).
   */
  waitFor(to: string, subject?: RegExp, skip?: number): Promise<CapturedMail>;
  messages(): readonly CapturedMail[];
}

/**
 * Gives the calling test file its own embedded SMTP server (the one `npm start` runs), so email goes through the
 * real path — outbox, worker job, nodemailer, SMTP — and the test reads what arrived.
 */
export function useSmtpSink(): TestSmtpSink {
  const directory = path.join(tmpdir(), `tenantpay-mailbox-${randomBytes(6).toString('hex')}`);
  let sink: SmtpSink | undefined;
  beforeAll(async () => {
    sink = await SmtpSink.start({ directory });
  });
  afterAll(async () => {
    await sink?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  const started = (): SmtpSink => {
    if (sink === undefined) throw new Error('useSmtpSink() values are available inside tests and hooks only');
    return sink;
  };
  return {
    directory,
    get url() {
      return started().url;
    },
    waitFor(to, subject, skip = 0) {
      const wanted = to.toLowerCase();
      // The sink tests each message once, in arrival order, so counting matches here finds the (skip+1)th.
      let matchesLeft = skip;
      return started().waitFor((mail) => {
        const matches =
          mail.to.some((address) => address.toLowerCase() === wanted) &&
          (subject === undefined || subject.test(mail.subject));
        if (!matches) return false;
        if (matchesLeft === 0) return true;
        matchesLeft -= 1;
        return false;
      });
    },
    messages: () => started().messages(),
  };
}
