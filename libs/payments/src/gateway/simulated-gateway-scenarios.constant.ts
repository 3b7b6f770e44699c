/**
 * Deterministic outcomes of the simulated gateway, chosen by the payment token (like a card processor's test
 * cards) or by a test amount. Anything not listed succeeds.
 */
export const SIMULATED_DECLINES: Readonly<Record<string, { code: string; message: string }>> = Object.freeze({
  tok_chargeDeclined: { code: 'card_declined', message: 'The card was declined.' },
  tok_insufficientFunds: { code: 'insufficient_funds', message: 'The card has insufficient funds.' },
  tok_expiredCard: { code: 'expired_card', message: 'The card has expired.' },
});

/** Amounts (minor units) that decline whatever the token: handy where the client cannot choose a token. */
export const SIMULATED_DECLINE_AMOUNTS: Readonly<Record<number, { code: string; message: string }>> =
  Object.freeze({
    40002: { code: 'card_declined', message: 'The card was declined.' },
    40051: { code: 'insufficient_funds', message: 'The card has insufficient funds.' },
  });

/** `tok_transient_<n>`: the first n attempts for a key fail transiently, then the charge succeeds. */
export const TRANSIENT_TOKEN = /^tok_transient_(\d{1,2})$/;
/** Never reachable: every attempt fails transiently. */
export const UNAVAILABLE_TOKEN = 'tok_gatewayUnavailable';
