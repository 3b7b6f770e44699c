import { Injectable, Logger } from '@nestjs/common';
import type { SecurityAuditEvent, SecurityAuditSink } from './security-audit-sink';

/** The fallback sink while no audit trail is bound: events become warning log lines, never lost silently. */
@Injectable()
export class LoggingSecurityAuditSink implements SecurityAuditSink {
  private readonly logger = new Logger('TenancyAudit');

  async record(event: SecurityAuditEvent): Promise<void> {
    this.logger.warn({ msg: 'audit event', auditEvent: event });
  }
}
