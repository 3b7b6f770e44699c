import { Inject, Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '@tenantpay/platform';
import { ExpiringLruCache, SUPER_ADMIN_ROLE } from '@tenantpay/tenancy';
import { createSecretKey, type KeyObject, randomUUID } from 'node:crypto';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  VERIFIED_ACCESS_TOKEN_CACHE_MAX_ENTRIES,
} from '../identity.constant';
import type { AccessTokenClaims, AccessTokenSubject, IssuedAccessToken } from './access-token-claims';
import { InvalidCredentialException } from './invalid-credential.exception';
import { JWT_ALGORITHM } from './jwt-signing.constant';
import { readJwtKeyId } from './read-jwt-key-id';

/** The only algorithm accepted. Pinned so `alg: none` or an algorithm-confusion token can never verify. */
const OBJECT_ID = /^[0-9a-f]{24}$/;

/**
 * Issues and verifies short-lived access tokens (HS256 JWT). New tokens are signed with the active key
 * and name it in the `kid` header; verification picks the key by `kid` among every configured key, so
 * keys rotate without logging anyone out: add a key, make it active, drop the old one once the longest
 * token signed with it has expired.
 */
@Injectable()
export class AccessTokenService {
  private readonly logger = new Logger(AccessTokenService.name);
  /**
   * Keys as KeyObjects, built once: given a string, jsonwebtoken first tries to parse it as a public key
   * on every verify (and fails), which cost ~0.4 ms per request here against ~25 µs with a KeyObject.
   */
  private readonly secrets: ReadonlyMap<string, KeyObject>;
  /**
   * Claims of tokens already verified here, by the token's exact text (signature included, so any altered
   * byte misses) until the token's `exp`. Keys are fixed for the life of the process, so a token that
   * verified once verifies until it expires; whether its user may still act is checked on every request by
   * UserAccessCache, not here.
   */
  private readonly verified = new ExpiringLruCache<AccessTokenClaims>(
    VERIFIED_ACCESS_TOKEN_CACHE_MAX_ENTRIES,
  );

  constructor(
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.secrets = new Map(
      config.auth.jwtKeys.map((key) => [key.id, createSecretKey(Buffer.from(key.secret, 'utf8'))]),
    );
  }

  async issue(subject: AccessTokenSubject): Promise<IssuedAccessToken> {
    const keyId = this.config.auth.activeJwtKeyId;
    const secret = this.secrets.get(keyId);
    if (secret === undefined) throw new Error(`The active JWT key "${keyId}" is not configured`);
    const expiresIn = this.config.auth.accessTokenTtlSeconds;
    const payload = {
      role: subject.role,
      sid: subject.sessionId,
      ...(subject.kind === 'user' ? { tid: subject.tenantId } : {}),
    };
    const accessToken = await this.jwt.signAsync(payload, {
      // @nestjs/jwt types the secret as string | Buffer; jsonwebtoken itself accepts a KeyObject.
      secret: secret as unknown as Buffer,
      algorithm: JWT_ALGORITHM,
      keyid: keyId,
      subject: subject.userId,
      jwtid: randomUUID(),
      expiresIn,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    return { accessToken, tokenType: 'Bearer', expiresIn };
  }

  /**
   * The token's claims once its signature, algorithm, key, issuer, audience and lifetime all check out; else
   * throws InvalidCredentialException. Not async: the check is CPU work (and usually a cache hit), and every
   * request carrying a token asks.
   */
  verify(token: string): AccessTokenClaims {
    const known = this.verified.get(token);
    if (known !== undefined) return known;
    const keyId = readJwtKeyId(token);
    const secret = keyId === null ? undefined : this.secrets.get(keyId);
    if (secret === undefined) return this.refuse('unknown or missing kid');
    let payload: unknown;
    try {
      // The synchronous form: the check is CPU work either way, and verifyAsync wraps it in three promises.
      payload = this.jwt.verify(token, {
        secret: secret as unknown as Buffer,
        algorithms: [JWT_ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
      });
    } catch (error) {
      return this.refuse(error instanceof Error ? error.message : 'verification failed');
    }
    if (!isWellFormed(payload)) return this.refuse('claims are malformed');
    // jsonwebtoken accepts the token while the current second is before `exp`: the cache keeps it exactly as long.
    this.verified.set(token, Object.freeze(payload), payload.exp * 1000 - Date.now());
    return payload;
  }

  private refuse(reason: string): never {
    // Debug only: a flood of forged tokens must not flood the log, and the reason never reaches the caller.
    this.logger.debug(`Access token refused: ${reason}`);
    throw new InvalidCredentialException();
  }
}

/**
 * The claims we issue, and nothing that could be mistaken for them: a token without `tid` is a platform
 * user's only if its role is the platform role, and a tenant token can never carry the platform role.
 */
function isWellFormed(payload: unknown): payload is AccessTokenClaims {
  if (typeof payload !== 'object' || payload === null) return false;
  const claims = payload as Record<string, unknown>;
  const strings = ['sub', 'role', 'jti', 'sid'].every(
    (name) => typeof claims[name] === 'string' && claims[name] !== '',
  );
  if (!strings || typeof claims['exp'] !== 'number' || typeof claims['iat'] !== 'number') return false;
  if (claims['tid'] === undefined) return claims['role'] === SUPER_ADMIN_ROLE;
  return (
    typeof claims['tid'] === 'string' && OBJECT_ID.test(claims['tid']) && claims['role'] !== SUPER_ADMIN_ROLE
  );
}
