import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createTransport } from 'nodemailer';
import { SmtpSink } from './smtp-sink';

describe('SmtpSink', () => {
  const directory = path.join(tmpdir(), `smtp-sink-${process.pid}-${Date.now()}`);
  let sink: SmtpSink;

  beforeAll(async () => {
    sink = await SmtpSink.start({ directory });
  });
  afterAll(async () => {
    await sink.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('captures a message sent over SMTP, with both bodies, and stores it as JSON', async () => {
    const transport = createTransport({ url: sink.url } as Parameters<typeof createTransport>[0]);
    await transport.sendMail({
      from: { name: 'Bank One', address: 'no-reply@bank.test' },
      to: 'ada@bank.test',
      subject: 'Hello',
      text: 'plain words',
      html: '<p>html words</p>',
    });
    transport.close();

    const mail = await sink.waitFor((m) => m.to.includes('ada@bank.test'));
    expect(mail).toEqual(
      expect.objectContaining({
        subject: 'Hello',
        text: 'plain words',
        from: '"Bank One" <no-reply@bank.test>',
      }),
    );
    expect(mail.html).toContain('<p>html words</p>');
    const files = await readdir(directory);
    expect(files).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(directory, files[0] ?? ''), 'utf8'))).toEqual(mail);
  });
});
