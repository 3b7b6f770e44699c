/**
 * The port through which this library reports security events. The audit library binds it
 * (`{ provide: SECURITY_EVENT_RECORDER, useExisting: AuditService }` or an adapter); until then tests use an
 * in-memory recorder. Recording must never turn a refusal into a success, so callers ignore its failures
 * after logging them.
 */
export interface SecurityEvent {
  readonly action: string;
  readonly outcome: 'denied' | 'success';
  readonly metadata: Readonly<Record<string, unknown>>;
}

export interface SecurityEventRecorder {
  record(event: SecurityEvent): Promise<unknown> | unknown;
}

export const SECURITY_EVENT_RECORDER = Symbol('SECURITY_EVENT_RECORDER');
