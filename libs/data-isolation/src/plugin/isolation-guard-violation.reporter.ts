/**
 * Where the plugin sends refusals. Schemas (and so the plugin) are built when their files are imported, long
 * before Nest's injector exists, so the plugin cannot be handed the audit service; DataIsolationModule
 * connects this reporter to the SecurityEventRecorder when the application starts. Before that, refusals
 * still throw; they are just not audited.
 */
export interface IsolationGuardViolation {
  readonly modelName: string;
  readonly operation: string;
  readonly reason: string;
  readonly tenantId: string | null;
}

type ViolationListener = (violation: IsolationGuardViolation) => void;

let listener: ViolationListener | undefined;

export function setIsolationGuardViolationListener(next: ViolationListener | undefined): void {
  listener = next;
}

export function reportIsolationGuardViolation(violation: IsolationGuardViolation): void {
  try {
    listener?.(violation);
  } catch {
    // Reporting must never change the outcome: the operation is refused either way.
  }
}
