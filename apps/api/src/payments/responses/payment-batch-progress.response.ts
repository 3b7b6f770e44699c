/** How far the worker is: rows with a final result. */
export class PaymentBatchProgressResponse {
  readonly processed!: number;
  readonly total!: number;
  /** @example 40 */
  readonly percent!: number;
}
