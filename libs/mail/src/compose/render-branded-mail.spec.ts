import type { PublicBranding } from '@tenantpay/tenancy';
import { renderBrandedMail } from './render-branded-mail';

const BRANDING: PublicBranding = {
  displayName: 'Bank <One> & Co',
  logoUrl: 'https://cdn.bank.test/logo.png',
  primaryColor: '#0a7d32',
  onPrimaryColor: '#ffffff',
  secondaryColor: null,
  onSecondaryColor: null,
  supportEmail: 'help@bank.test',
  supportUrl: null,
  locale: 'en-GB',
};

describe('renderBrandedMail', () => {
  const mail = renderBrandedMail(BRANDING, {
    subject: 'You are invited',
    heading: 'Join <script>',
    paragraphs: ['Ada invited you.'],
    action: { label: 'Accept', url: 'https://one.bank.test/invitations/accept?token="x"' },
    footnote: 'Expires in 7 days.',
  });

  it('sends from the tenant display name and keeps the subject', () => {
    expect(mail.fromName).toBe('Bank <One> & Co');
    expect(mail.subject).toBe('You are invited');
  });

  it('puts the same words and the bare link in the text body', () => {
    expect(mail.text).toContain('Bank <One> & Co');
    expect(mail.text).toContain('Accept: https://one.bank.test/invitations/accept?token="x"');
    expect(mail.text).toContain('Need help? Contact help@bank.test.');
  });

  it('brands the HTML with the logo and primary colour and escapes every value', () => {
    expect(mail.html).toContain('border-top:4px solid #0a7d32');
    expect(mail.html).toContain('src="https://cdn.bank.test/logo.png"');
    expect(mail.html).toContain('Bank &lt;One&gt; &amp; Co');
    expect(mail.html).toContain('Join &lt;script&gt;');
    expect(mail.html).toContain('token=&quot;x&quot;');
    expect(mail.html).not.toContain('<script>');
  });

  it('falls back to the default colour when the branding colour is not a plain hex colour', () => {
    const odd = renderBrandedMail(
      { ...BRANDING, primaryColor: 'red;background:url(x)' },
      {
        subject: 's',
        heading: 'h',
        paragraphs: [],
      },
    );
    expect(odd.html).not.toContain('url(x)');
    expect(odd.html).toContain('#1f4fd1');
  });

  it('keeps a pale brand colour readable: dark button text, and the heading in the body colour', () => {
    const pale = renderBrandedMail(
      { ...BRANDING, primaryColor: '#ffe600' },
      { subject: 's', heading: 'h', paragraphs: [], action: { label: 'Go', url: 'https://x.test/' } },
    );
    expect(pale.html).toContain('background:#ffe600;color:#000000');
    expect(pale.html).toContain('<h2 style="color:#222222">');
  });

  it('writes a dark brand colour heading in the colour itself, with white button text', () => {
    const dark = renderBrandedMail(BRANDING, {
      subject: 's',
      heading: 'h',
      paragraphs: [],
      action: { label: 'Go', url: 'https://x.test/' },
    });
    expect(dark.html).toContain('background:#0a7d32;color:#ffffff');
    expect(dark.html).toContain('<h2 style="color:#0a7d32">');
  });
});
