import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_ISSUER } from '../identity.constant';
import { InvalidCredentialException } from '../tokens/invalid-credential.exception';
import { SUPPORT_TOKEN_AUDIENCE, SUPPORT_TOKEN_PREFIX } from './support-session.constant';
import type { SupportTokenClaims } from './support-token-claims';
import { JWT_ALGORITHM } from '../tokens/jwt-signing.constant';
import { readJwtKeyId } from '../tokens/read-jwt-key-id';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * Issues and verifies support tokens, apart from access tokens on purpose (the session code changes those):
 * the same configured signing keys (so they rotate together, `kid` in the header), its own audience and
 * prefix, and a lifetime that is the session's own. Verification pins the algorithm, issuer and audience.
 */
@Injectable()
export class SupportTokenService {
  private readonly secrets: ReadonlyMap<string, KeyObject>;

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.secrets = new Map(
      config.auth.jwtKeys.map((key) => [key.id, createSecretKey(Buffer.from(key.secret, 'utf8'))]),
    );
  }

  async issue(session: {
    id: string;
    operatorId: string;
    tenantId: string;
    expiresAt: Date;
  }): Promise<string> {
    const keyId = this.config.auth.activeJwtKeyId;
    const secret = this.secrets.get(keyId);
    if (secret === undefined) throw new Error(`The active JWT key "${keyId}" is not configured`);
    const token = await this.jwt.signAsync(
      { tid: session.tenantId, sid: session.id, exp: Math.floor(session.expiresAt.getTime() / 1000) },
      {
        secret: secret as unknown as Buffer,
        algorithm: JWT_ALGORITHM,
        keyid: keyId,
        subject: session.operatorId,
        jwtid: randomUUID(),
        issuer: ACCESS_TOKEN_ISSUER,
        audience: SUPPORT_TOKEN_AUDIENCE,
      },
    );
    return `${SUPPORT_TOKEN_PREFIX}${token}`;
  }

  /** The claims of a `tps_` token whose signature, key, algorithm, issuer, audience and lifetime check out. */
  verify(token: string): SupportTokenClaims {
    if (!token.startsWith(SUPPORT_TOKEN_PREFIX)) throw new InvalidCredentialException();
    const jwt = token.slice(SUPPORT_TOKEN_PREFIX.length);
    const secret = this.secrets.get(readJwtKeyId(jwt) ?? '');
    if (secret === undefined) throw new InvalidCredentialException();
    let payload: unknown;
    try {
      payload = this.jwt.verify(jwt, {
        secret: secret as unknown as Buffer,
        algorithms: [JWT_ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: SUPPORT_TOKEN_AUDIENCE,
      });
    } catch {
      throw new InvalidCredentialException();
    }
    if (!isWellFormed(payload)) throw new InvalidCredentialException();
    return payload;
  }
}

function isWellFormed(payload: unknown): payload is SupportTokenClaims {
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Record<string, unknown>;
  return (
    typeof claims['sub'] === 'string' &&
    claims['sub'] !== '' &&
    typeof claims['jti'] === 'string' &&
    typeof claims['tid'] === 'string' &&
    OBJECT_ID.test(claims['tid']) &&
    typeof claims['sid'] === 'string' &&
    OBJECT_ID.test(claims['sid']) &&
    typeof claims['exp'] === 'number' &&
    typeof claims['iat'] === 'number'
  );
}
