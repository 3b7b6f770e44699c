/**
 * A what-if measured beside production, never a change to it: jsonwebtoken 9, given an HMAC secret as a
 * string, first tries to parse it as a PEM public key (crypto.createPublicKey), which throws, and only
 * then builds a secret key; that failed parse costs far more than the HMAC itself. Handing it a
 * KeyObject skips the attempt. While enabled, this patch gives JwtService.verifyAsync a cached KeyObject
 * for each string secret, so the benchmark can show what AccessTokenService would cost if it stored its
 * keys that way.
 */
import { JwtService, type JwtVerifyOptions } from '@nestjs/jwt';
import { createSecretKey, type KeyObject } from 'node:crypto';

export const jwtKeyObjectWhatIf = { enabled: false };

export function installJwtKeyObjectWhatIf(): void {
  const original = JwtService.prototype.verifyAsync;
  const keys = new Map<string, KeyObject>();
  JwtService.prototype.verifyAsync = function verifyAsync(
    this: JwtService,
    token: string,
    options?: JwtVerifyOptions,
  ) {
    const secret = options?.secret;
    if (!jwtKeyObjectWhatIf.enabled || typeof secret !== 'string') return original.call(this, token, options);
    let key = keys.get(secret);
    if (key === undefined) {
      key = createSecretKey(Buffer.from(secret, 'utf8'));
      keys.set(secret, key);
    }
    // jsonwebtoken accepts a KeyObject; @nestjs/jwt's option type only names string | Buffer.
    return original.call(this, token, { ...options, secret: key as unknown as string });
  } as typeof original;
}
