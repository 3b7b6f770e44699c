import {
  contrastRatio,
  LARGE_TEXT_CONTRAST_AA,
  PAGE_BACKGROUND_COLOR,
  type PublicBranding,
  readableTextColor,
} from '@tenantpay/tenancy';
import { escapeHtml } from './escape-html';
import type { MailContent } from './mail-content';
import type { RenderedMail } from './rendered-mail';

const DEFAULT_PRIMARY_COLOR = '#1f4fd1';
const BODY_TEXT_COLOR = '#222222';
/** Only plain hex colours reach a style attribute, whatever the branding holds. */
const HEX_COLOR = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/;

/**
 * The tenant's white-label email: its display name as sender and heading, its logo and primary colour in the
 * HTML, its support contact in the footer; a plain-text body with the same words for clients that prefer it.
 * Every value is escaped: display names and user names are typed by people.
 */
export function renderBrandedMail(branding: PublicBranding, content: MailContent): RenderedMail {
  const support = [branding.supportEmail, branding.supportUrl].filter((value) => value !== null);
  const supportLine = support.length > 0 ? `Need help? Contact ${support.join(' or ')}.` : null;

  const text = [
    branding.displayName,
    '',
    content.heading,
    '',
    ...content.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(content.action === undefined ? [] : [`${content.action.label}: ${content.action.url}`, '']),
    ...(content.footnote === undefined ? [] : [content.footnote, '']),
    ...(supportLine === null ? [] : [supportLine]),
  ].join('\n');

  const color = HEX_COLOR.test(branding.primaryColor ?? '')
    ? (branding.primaryColor as string)
    : DEFAULT_PRIMARY_COLOR;
  // Whatever colour the bank picked, the button's label and the heading stay readable (WCAG AA).
  const actionTextColor = readableTextColor(color);
  const headingColor =
    contrastRatio(color, PAGE_BACKGROUND_COLOR) >= LARGE_TEXT_CONTRAST_AA ? color : BODY_TEXT_COLOR;
  const logo =
    branding.logoUrl === null
      ? ''
      : `<img src="${escapeHtml(branding.logoUrl)}" alt="${escapeHtml(branding.displayName)}" style="max-height:48px">`;
  const action =
    content.action === undefined
      ? ''
      : `<p><a href="${escapeHtml(content.action.url)}" style="display:inline-block;padding:10px 18px;background:${color};color:${actionTextColor};text-decoration:none;border-radius:4px">${escapeHtml(content.action.label)}</a></p>` +
        `<p style="font-size:12px;color:#555555">Or open this link: ${escapeHtml(content.action.url)}</p>`;
  const html = [
    `<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:${BODY_TEXT_COLOR}">`,
    `<div style="border-top:4px solid ${color};padding:16px;max-width:560px">`,
    logo,
    `<h2 style="color:${headingColor}">${escapeHtml(branding.displayName)}</h2>`,
    `<h3>${escapeHtml(content.heading)}</h3>`,
    ...content.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    action,
    content.footnote === undefined
      ? ''
      : `<p style="font-size:12px;color:#555555">${escapeHtml(content.footnote)}</p>`,
    supportLine === null ? '' : `<p style="font-size:12px;color:#555555">${escapeHtml(supportLine)}</p>`,
    '</div></body></html>',
  ].join('');

  return { fromName: branding.displayName, subject: content.subject, text, html };
}
