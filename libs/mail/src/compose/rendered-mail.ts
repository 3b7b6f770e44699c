/** An email ready for the outbox, except who it goes to and what it is for. */
export interface RenderedMail {
  readonly fromName: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}
