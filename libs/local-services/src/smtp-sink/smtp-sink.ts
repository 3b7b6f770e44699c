import { type CapturedMail, capturedMailFileName } from '@tenantpay/platform';
import { simpleParser, type AddressObject } from 'mailparser';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export interface SmtpSinkOptions {
  /** Where each captured message is also written as JSON (what the API's development mailbox reads). */
  readonly directory?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
}

type Waiter = {
  readonly matches: (mail: CapturedMail) => boolean;
  readonly resolve: (mail: CapturedMail) => void;
};

/**
 * An SMTP server that accepts every message on 127.0.0.1 and keeps it (smtp-server + mailparser): the mail
 * server of `npm start` and of tests, so email goes through the real SMTP path without leaving the machine.
 * Plain SMTP, any or no credentials: it never listens beyond loopback.
 */
export class SmtpSink {
  private readonly captured: CapturedMail[] = [];
  private waiters: Waiter[] = [];

  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly directory: string | undefined,
  ) {}

  static async start(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
    if (options.directory !== undefined) await mkdir(options.directory, { recursive: true });
    // The server's data handler needs the sink, which needs the server: filled in once both exist.
    const created: { sink?: SmtpSink } = {};
    const server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS'],
      authOptional: true,
      logger: false,
      onAuth: (_auth, _session, callback) => callback(null, { user: 'sink' }),
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then((parsed) => created.sink?.keep(parsed))
          .then(() => callback())
          .catch((error: Error) => callback(error));
      },
    });
    server.listen(options.port ?? 0, '127.0.0.1');
    await once(server.server, 'listening');
    const port = (server.server.address() as AddressInfo).port;
    created.sink = new SmtpSink(server, port, options.directory);
    return created.sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  messages(): readonly CapturedMail[] {
    return [...this.captured];
  }

  /** The first captured message (already or later) matching `matches`. */
  waitFor(matches: (mail: CapturedMail) => boolean): Promise<CapturedMail> {
    const found = this.captured.find(matches);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async keep(parsed: Awaited<ReturnType<typeof simpleParser>>): Promise<void> {
    const mail: CapturedMail = {
      id: randomUUID(),
      receivedAt: new Date().toISOString(),
      from: parsed.from?.text ?? '',
      to: addressesOf(parsed.to),
      subject: parsed.subject ?? '',
      text: parsed.text ?? '',
      html: typeof parsed.html === 'string' ? parsed.html : '',
      messageId: parsed.messageId ?? null,
    };
    this.captured.push(mail);
    if (this.directory !== undefined)
      await writeFile(path.join(this.directory, capturedMailFileName(mail)), JSON.stringify(mail));
    const [ready, waiting] = partition(this.waiters, (waiter) => waiter.matches(mail));
    this.waiters = waiting;
    for (const waiter of ready) waiter.resolve(mail);
  }
}

function addressesOf(to: AddressObject | AddressObject[] | undefined): string[] {
  const objects = to === undefined ? [] : Array.isArray(to) ? to : [to];
  return objects
    .flatMap((object) => object.value.map((entry) => entry.address ?? ''))
    .filter((a) => a !== '');
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
