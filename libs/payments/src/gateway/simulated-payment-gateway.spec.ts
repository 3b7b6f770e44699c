import { testAppConfig, useTestRedis } from '@tenantpay/testing';
import Redis from 'ioredis';
import { paymentsSettingsFromAppConfig } from '../payments-settings';
import { GatewayCallAbortedError } from './gateway-call-aborted.error';
import type { GatewayChargeRequest } from './payment-gateway.port';
import { SimulatedPaymentGateway } from './simulated-payment-gateway';

describe('SimulatedPaymentGateway', () => {
  const redisServer = useTestRedis();
  let redis: Redis;
  let sequence = 0;

  beforeAll(() => {
    redis = new Redis(redisServer.url);
  });
  afterAll(() => redis.disconnect());

  const gatewayWithLatency = (latencyMs: number) => {
    const settings = paymentsSettingsFromAppConfig(
      testAppConfig({ MONGODB_URI: 'mongodb://unused', REDIS_URL: redisServer.url }),
    );
    return new SimulatedPaymentGateway(redis, {
      ...settings,
      simulatedGateway: { latencyMs, transientFailureRate: 0 },
    });
  };
  const request = (paymentToken = 'tok_visa'): GatewayChargeRequest => {
    const idempotencyKey = `pay_${++sequence}`;
    return {
      idempotencyKey,
      amount: 1000,
      currency: 'EUR',
      method: 'card',
      paymentToken,
      metadata: { tenantId: 't', paymentId: idempotencyKey },
    };
  };

  describe('findCharge', () => {
    it('answers not_charged for a key never charged, and never charges', async () => {
      const gateway = gatewayWithLatency(0);
      const { idempotencyKey } = request();
      expect(await gateway.findCharge(idempotencyKey)).toEqual({ state: 'not_charged' });
      expect(await gateway.chargesMade(idempotencyKey)).toBe(0);
    });

    it('answers unknown while a charge under the key is in flight, then its recorded outcome', async () => {
      const gateway = gatewayWithLatency(300);
      const charge = request();
      const charging = gateway.charge(charge);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await gatewayWithLatency(0).findCharge(charge.idempotencyKey)).toEqual(
        expect.objectContaining({ state: 'unknown' }),
      );
      const result = await charging;
      expect(await gatewayWithLatency(0).findCharge(charge.idempotencyKey)).toEqual({
        state: 'settled',
        result,
      });
      expect(await gateway.chargesMade(charge.idempotencyKey)).toBe(1);
    });

    it('remembers a decline as settled, with no money moved', async () => {
      const gateway = gatewayWithLatency(0);
      const charge = request('tok_chargeDeclined');
      await gateway.charge(charge);
      expect(await gateway.findCharge(charge.idempotencyKey)).toEqual({
        state: 'settled',
        result: expect.objectContaining({ outcome: 'declined', code: 'card_declined' }),
      });
      expect(await gateway.chargesMade(charge.idempotencyKey)).toBe(0);
    });

    it('answers not_charged after a transient failure (the gateway refused before charging)', async () => {
      const gateway = gatewayWithLatency(0);
      const charge = request('tok_gatewayUnavailable');
      await expect(gateway.charge(charge)).rejects.toThrow('Simulated gateway outage');
      expect(await gateway.findCharge(charge.idempotencyKey)).toEqual({ state: 'not_charged' });
    });
  });

  describe('charge with an AbortSignal', () => {
    it('abandons the call when the signal fires, having charged nothing; a retry charges once', async () => {
      const gateway = gatewayWithLatency(5_000);
      const charge = request();
      const controller = new AbortController();
      const abandoned = gateway.charge(charge, controller.signal);
      setTimeout(() => controller.abort(), 50);
      await expect(abandoned).rejects.toBeInstanceOf(GatewayCallAbortedError);
      const retry = gatewayWithLatency(0);
      expect(await retry.findCharge(charge.idempotencyKey)).toEqual({ state: 'not_charged' });

      const first = await retry.charge(charge);
      expect(await retry.charge(charge)).toEqual(first);
      expect(await retry.chargesMade(charge.idempotencyKey)).toBe(1);
    });
  });
});
