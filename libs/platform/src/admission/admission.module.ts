import { type DynamicModule, Module } from '@nestjs/common';
import { MetricsModule } from '../metrics/metrics.module';
import { AdmissionControl } from './admission-control.service';
import { ADMISSION_IDENTITY_HEADERS } from './admission-identity-headers.constant';
import { EventLoopDelayMonitor } from './event-loop-delay.monitor';
import { InstanceAdmissionGate } from './instance-admission.gate';
import { LearnedTenantKeys } from './learned-tenant-keys.service';

/**
 * Admission control of an HTTP application: the gate on the server ({@link InstanceAdmissionGate}, attached
 * by the application once its server exists), {@link AdmissionControl} for the tenant bound the application
 * applies once the tenant is resolved, and {@link LearnedTenantKeys}, where that bound teaches the gate which
 * identity headers name which tenant.
 */
@Module({})
export class AdmissionModule {
  /** `identityHeaders`: the headers, lower case, that decide a request's tenant in this application. */
  static forRoot(identityHeaders: readonly string[]): DynamicModule {
    return {
      module: AdmissionModule,
      imports: [MetricsModule],
      providers: [
        { provide: ADMISSION_IDENTITY_HEADERS, useValue: identityHeaders.map((name) => name.toLowerCase()) },
        EventLoopDelayMonitor,
        AdmissionControl,
        LearnedTenantKeys,
        InstanceAdmissionGate,
      ],
      exports: [AdmissionControl, InstanceAdmissionGate, LearnedTenantKeys],
    };
  }
}
