/** Why an address may not receive webhooks: each class is reachable only from inside some network. */
export enum ForbiddenAddressClass {
  Unspecified = 'unspecified',
  Loopback = 'loopback',
  Private = 'private',
  LinkLocal = 'link_local',
  /** RFC 6598 shared address space (carrier-grade NAT), 100.64.0.0/10. */
  SharedAddressSpace = 'shared_address_space',
  Multicast = 'multicast',
  UniqueLocal = 'unique_local',
  /** Cloud instance metadata services, whose answers include credentials. */
  Metadata = 'metadata',
  /** Documentation, benchmarking, reserved, deprecated and tunnelling ranges. */
  Reserved = 'reserved',
}
