import type { AppConfig } from '@tenantpay/platform';

/**
 * What the payments library needs from configuration: the validated `payments` section of the app config
 * (the PAYMENTS_* and SIMULATED_GATEWAY_* variables), provided as PAYMENTS_SETTINGS so tests can override it;
 * libraries never read the environment.
 */
export type PaymentsSettings = AppConfig['payments'];

export const PAYMENTS_SETTINGS = Symbol('PAYMENTS_SETTINGS');

export function paymentsSettingsFromAppConfig(config: AppConfig): PaymentsSettings {
  return config.payments;
}
