/** One admitted request's slot, given back once. */
export interface AdmissionTicket {
  /** The tenant key the slot is charged to; undefined until the request's tenant is known. */
  tenantKey: string | undefined;
  readonly admittedAt: number;
  /** No other request was in flight when it was admitted (its latency may then be an unloaded one). */
  readonly admittedAlone: boolean;
  released: boolean;
}
