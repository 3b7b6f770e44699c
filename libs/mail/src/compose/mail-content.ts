/** What a feature says in an email; the tenant's branding is added around it (renderBrandedMail). */
export interface MailContent {
  readonly subject: string;
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** The one thing the reader should do, as a button (HTML) and a bare link (text). */
  readonly action?: { readonly label: string; readonly url: string };
  /** Small print under the action, e.g. when the link expires. */
  readonly footnote?: string;
}
