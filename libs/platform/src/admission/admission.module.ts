import { Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { AdmissionControl } from './admission-control.service';
import { EventLoopDelayMonitor } from './event-loop-delay.monitor';
import { InstanceAdmissionGate } from './instance-admission.gate';

/**
 * Admission control of an HTTP application: the instance bound on the server ({@link InstanceAdmissionGate},
 * attached by the application once its server exists) and {@link AdmissionControl} for the per-tenant bound,
 * which the application applies once the tenant is known.
 */
@Module({
  imports: [MetricsModule],
  providers: [EventLoopDelayMonitor, AdmissionControl, InstanceAdmissionGate],
  exports: [AdmissionControl, InstanceAdmissionGate],
})
export class AdmissionModule {}
