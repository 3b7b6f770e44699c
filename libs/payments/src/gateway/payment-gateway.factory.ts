import type { RedisClient } from '@tenantpay/platform';
import type { PaymentsSettings } from '../payments-settings';
import type { PaymentGateway } from './payment-gateway.port';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';

/**
 * The PAYMENT_GATEWAY binding, chosen by PAYMENTS_GATEWAY (validated at start: required, and `simulated` refused
 * in production unless deliberately allowed). A real adapter is added here as another case.
 */
export function paymentGatewayFor(settings: PaymentsSettings, redis: RedisClient): PaymentGateway {
  switch (settings.gateway) {
    case 'simulated':
      return new SimulatedPaymentGateway(redis, settings);
  }
}
