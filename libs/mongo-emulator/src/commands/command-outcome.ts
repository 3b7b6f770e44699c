import type { Document } from 'bson';

/** A reply to send, or (a `failCommand` fail point with `closeConnection`) a connection to close unanswered. */
export type CommandOutcome = { readonly reply: Document } | { readonly closeConnection: true };
