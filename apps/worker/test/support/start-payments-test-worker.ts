import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  PAYMENT_BATCH_SETTINGS,
  PAYMENT_EVENT_PUBLISHER,
  PAYMENT_GATEWAY,
  type PaymentBatchSettings,
  type PaymentEvent,
  PAYMENTS_SETTINGS,
  paymentsSettingsFromAppConfig,
  type PaymentsSettings,
} from '@tenantpay/payments';
import type { AppConfig } from '@tenantpay/platform';
import { WorkerModule } from '../../src/worker.module';
import { faultInjectingGatewayFactory } from './fault-injecting-payment-gateway';

/** What a worker spec changes of the payments stack; everything else is the config's. */
export interface PaymentsTestWorkerOptions {
  /** Merged over the config's processing settings (attempts, backoff, locks, concurrency). */
  readonly processing?: Partial<PaymentsSettings['processing']>;
  /** Merged over the config's maintenance settings (grace periods of the sweeps). */
  readonly maintenance?: Partial<PaymentsSettings['maintenance']>;
  readonly batches?: PaymentBatchSettings;
  /** Binds FaultInjectingPaymentGateway (faultInjectingGatewayOf reaches it) instead of the plain simulator. */
  readonly faultInjectingGateway?: boolean;
  /** Receives the payment events instead of the webhooks library. */
  readonly publishEvent?: (event: PaymentEvent) => void;
}

/**
 * The real worker (WorkerModule), initialised and silent, with the simulated gateway answering at once and
 * never failing by itself: a spec's faults are the ones it injects.
 */
export async function startPaymentsTestWorker(
  config: AppConfig,
  options: PaymentsTestWorkerOptions = {},
): Promise<INestApplicationContext> {
  const defaults = paymentsSettingsFromAppConfig(config);
  const settings: PaymentsSettings = {
    ...defaults,
    simulatedGateway: { latencyMs: 0, transientFailureRate: 0 },
    processing: { ...defaults.processing, ...options.processing },
    maintenance: { ...defaults.maintenance, ...options.maintenance },
  };
  let builder = Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
    .overrideProvider(PAYMENTS_SETTINGS)
    .useValue(settings);
  if (options.batches !== undefined)
    builder = builder.overrideProvider(PAYMENT_BATCH_SETTINGS).useValue(options.batches);
  if (options.faultInjectingGateway === true)
    builder = builder.overrideProvider(PAYMENT_GATEWAY).useFactory(faultInjectingGatewayFactory);
  const { publishEvent } = options;
  if (publishEvent !== undefined)
    builder = builder
      .overrideProvider(PAYMENT_EVENT_PUBLISHER)
      .useValue({ publish: async (event: PaymentEvent) => publishEvent(event) });
  const moduleRef = await builder.compile();
  moduleRef.useLogger(false);
  await moduleRef.init();
  return moduleRef;
}
