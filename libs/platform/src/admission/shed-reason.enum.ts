/** Why admission control refused a request: the `reason` label of the shed counter. */
export enum ShedReason {
  /** The event loop lagged past ADMISSION_MAX_EVENT_LOOP_DELAY_MS: every request would wait that long. */
  EventLoopDelay = 'event_loop_delay',
  /** The instance already serves ADMISSION_MAX_IN_FLIGHT requests. */
  InstanceInFlight = 'instance_in_flight',
  /** The request's tenant already has ADMISSION_MAX_IN_FLIGHT_PER_TENANT requests in flight here. */
  TenantInFlight = 'tenant_in_flight',
}
