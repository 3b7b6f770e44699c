import { escapeHtml } from '@tenantpay/mail';
import type { CapturedMail } from '@tenantpay/platform';

/** A plain list of captured messages, newest first, each with its text body (links are clickable in the text). */
export function renderMailboxPage(messages: readonly CapturedMail[]): string {
  const items = messages
    .map(
      (mail) =>
        `<article><h2>${escapeHtml(mail.subject)}</h2>` +
        `<p><b>To:</b> ${escapeHtml(mail.to.join(', '))} · <b>From:</b> ${escapeHtml(mail.from)} · ${escapeHtml(mail.receivedAt)}</p>` +
        `<pre>${linkify(escapeHtml(mail.text))}</pre></article>`,
    )
    .join('<hr>');
  return (
    '<!doctype html><html><head><meta charset="utf-8"><title>Development mailbox</title></head>' +
    '<body style="font-family:sans-serif;max-width:900px;margin:auto">' +
    '<h1>Development mailbox</h1><p>Email the platform sent during this run (not shown in production). ' +
    'JSON: <a href="/dev/mailbox">/dev/mailbox</a>, one recipient: /dev/mailbox?to=&lt;email&gt;</p>' +
    (items === '' ? '<p>No email yet.</p>' : items) +
    '</body></html>'
  );
}

/** Turns http(s) URLs of already-escaped text into links. */
function linkify(escaped: string): string {
  return escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);
}
