/** Which isolation rule an operation broke; recorded in the security audit event, never shown to the caller. */
export enum IsolationRule {
  /** A filter or document names a tenant other than the context's. */
  ForeignTenant = 'foreign_tenant',
  /** `tenantId` used with an operator, a non-equality value, a dotted path or inside an expression. */
  TenantFieldOperator = 'tenant_field_operator',
  /** An update, replacement or pipeline update tries to write `tenantId`. */
  TenantFieldWrite = 'tenant_field_write',
  /** `$where`, `$function`, `$accumulator`: server-side JavaScript. */
  ServerSideJavaScript = 'server_side_javascript',
  /** Caller-supplied collation, or another option the repository does not offer. */
  UnsupportedOption = 'unsupported_option',
  /** A pipeline stage that escapes isolation (`$out`, `$merge`, `$collStats`…) or is not known. */
  RefusedStage = 'refused_stage',
  /** A lookup/union into a collection that is neither tenant-owned nor on the shared allow-list. */
  CollectionNotAllowed = 'collection_not_allowed',
  /** `__proto__`, `constructor` or `prototype` used as a key. */
  PrototypeKey = 'prototype_key',
  /** A value the guard cannot inspect safely (a function, a class instance that is not a BSON value). */
  UninspectableValue = 'uninspectable_value',
  /** A command on a tenant-owned collection without the tenant's condition, or outside any tenant and platform scope. */
  UnscopedOperation = 'unscoped_operation',
  /** A command the wall does not let through in this scope (DDL or admin from a tenant, an unknown collection). */
  RefusedCommand = 'refused_command',
  /** A cursor continued or closed in another scope than the one that opened it. */
  ForeignCursor = 'foreign_cursor',
  /**
   * A write chooses `_id` (a new document, a replacement, an update, an upsert filter): ids are made on the
   * server side only, so none can probe whether another tenant holds one.
   */
  ServerAssignedId = 'server_assigned_id',
  /** Structurally wrong input: an unknown update operator, a bulk operation with no or several kinds… */
  MalformedOperation = 'malformed_operation',
}
