/** One admitted request's slot, given back once. */
export interface AdmissionTicket {
  /** The tenant key the slot is charged to; undefined until the request's tenant is known. */
  tenantKey: string | undefined;
  readonly admittedAt: number;
  released: boolean;
}
