import { randomBytes } from 'node:crypto';
import { WEBHOOK_SECRET_PREFIX } from '../webhooks.constant';

/** A new endpoint signing secret: `whsec_` and 32 random bytes in base64url (256 bits of entropy). */
export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}
