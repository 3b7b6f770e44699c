/** How the payer pays; a tenant's workflow may allow only some of them. */
export enum PaymentMethod {
  Card = 'card',
  BankTransfer = 'bank_transfer',
  DirectDebit = 'direct_debit',
  Wallet = 'wallet',
}

export const PAYMENT_METHODS: readonly PaymentMethod[] = Object.freeze(Object.values(PaymentMethod));
