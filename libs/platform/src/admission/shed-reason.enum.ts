/** Why admission control refused a request: the `reason` label of the shed counter. */
export enum ShedReason {
  /**
   * The event loop lagged past ADMISSION_MAX_EVENT_LOOP_DELAY_MS: every request would wait that long (a
   * tenant's only request, and a tenant under its share while another uses its whole share, still pass).
   */
  EventLoopDelay = 'event_loop_delay',
  /**
   * The instance is at its adaptive limit and the tenant at or over its share of it, or the instance is at
   * ADMISSION_MAX_IN_FLIGHT.
   */
  InstanceInFlight = 'instance_in_flight',
  /** The request's tenant already has ADMISSION_MAX_IN_FLIGHT_PER_TENANT requests in flight here. */
  TenantInFlight = 'tenant_in_flight',
}
