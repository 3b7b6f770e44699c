import { InvalidGatewaySignatureException } from '../errors/invalid-gateway-signature.exception';
import type { PaymentsSettings } from '../payments-settings';
import { signGatewayPayload } from './gateway-signature';
import { GatewayWebhooksService } from './gateway-webhooks.service';

describe('GatewayWebhooksService.receive', () => {
  it('refuses every webhook while no gateway webhook secret is configured, however it is signed', async () => {
    const settings = { gatewayWebhookSecret: null, gatewayWebhookToleranceSeconds: 300 } as PaymentsSettings;
    // Nothing past the signature check may be reached: the collaborators are absent on purpose.
    const absent = {} as never;
    const service = new GatewayWebhooksService(settings, absent, absent, absent, absent, absent);
    const body = Buffer.from('{"id":"evt_1","type":"charge.succeeded"}');
    const now = Math.floor(Date.now() / 1000);
    for (const guessed of ['', 'null', 'undefined']) {
      await expect(service.receive(body, signGatewayPayload(guessed, body, now))).rejects.toBeInstanceOf(
        InvalidGatewaySignatureException,
      );
    }
  });
});
