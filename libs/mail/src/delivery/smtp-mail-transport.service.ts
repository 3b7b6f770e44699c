import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { createTransport, type Transporter } from 'nodemailer';
import { SMTP_TIMEOUT_MS } from '../mail.constant';
import type { MailMessage } from '../outbox/mail-message';
import type { Types } from 'mongoose';
import { MailTransportNotConfiguredError } from './mail-transport-not-configured.error';

/** Sends one outbox row (a tenant's or the platform's) over SMTP (nodemailer, pooled connections to SMTP_URL). */
@Injectable()
export class SmtpMailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter | null;
  private readonly fromAddress: string;
  private readonly messageIdDomain: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.fromAddress = config.mail.fromAddress;
    this.messageIdDomain = config.mail.fromAddress.split('@')[1] ?? config.tenancy.baseDomain;
    this.transporter =
      config.mail.smtpUrl === null
        ? null
        : createTransport({
            url: config.mail.smtpUrl,
            pool: true,
            connectionTimeout: SMTP_TIMEOUT_MS,
            greetingTimeout: SMTP_TIMEOUT_MS,
            socketTimeout: SMTP_TIMEOUT_MS,
          } as Parameters<typeof createTransport>[0]);
  }

  async send(entry: MailMessage & { readonly _id: Types.ObjectId }): Promise<void> {
    if (this.transporter === null) throw new MailTransportNotConfiguredError();
    await this.transporter.sendMail({
      from: { name: entry.fromName, address: this.fromAddress },
      to: entry.to,
      subject: entry.subject,
      text: entry.text,
      html: entry.html,
      // The row's id: a message sent twice (the process died between sending and recording it) carries the
      // same Message-ID, which receiving systems use to drop the duplicate.
      messageId: `<${entry._id.toHexString()}@${this.messageIdDomain}>`,
    });
  }

  onApplicationShutdown(): void {
    this.transporter?.close();
  }
}
