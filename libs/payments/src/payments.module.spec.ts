import { PaymentsModule, type PaymentsModuleOptions } from './payments.module';

class QuotaProvider {}

describe('PaymentsModule.forRoot', () => {
  it('refuses to start without its ports, naming each missing one and what binds it', () => {
    // As an app computing its bindings could end up passing (a cast, a conditional): fail closed at start.
    const partial = { transactionQuota: QuotaProvider } as unknown as PaymentsModuleOptions;
    expect(() => PaymentsModule.forRoot(partial)).toThrow(
      'PaymentsModule.forRoot: unbound ports, refusing to start: storageUsage (storage metering (usage: StorageUsageService)), eventPublisher (the payment event publisher (webhooks: PaymentWebhookEventPublisher))',
    );
    expect(() => PaymentsModule.forRoot({} as PaymentsModuleOptions)).toThrow(/transactionQuota/);
  });

  it('binds the ports it is given, and the gateway by configuration rather than by a default class', () => {
    const module = PaymentsModule.forRoot({
      transactionQuota: QuotaProvider,
      storageUsage: QuotaProvider,
      eventPublisher: QuotaProvider,
    });
    const providers = (module.providers ?? []) as { provide?: unknown; useExisting?: unknown }[];
    const bound = providers.filter((provider) => provider.useExisting === QuotaProvider);
    expect(bound).toHaveLength(3);
    expect(
      providers.some((provider) => (provider as { name?: string }).name === 'SimulatedPaymentGateway'),
    ).toBe(false);
  });
});
