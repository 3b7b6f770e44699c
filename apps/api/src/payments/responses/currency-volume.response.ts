/** Captured and refunded amounts in one currency, in its integer minor units (never added across currencies). */
export class CurrencyVolumeResponse {
  /** @example "EUR" */
  readonly currency!: string;
  readonly completed!: number;
  readonly refunded!: number;
  readonly count!: number;
}
