import {
  InvalidRefreshTokenException,
  type SessionsService,
  type SessionUserKind,
} from '@tenantpay/identity';
import type { HeaderResponse } from '../http/header-response';
import type { RefreshDto } from './dto/refresh.dto';
import { clearRefreshCookie, type CookieRequest, readRefreshCookie } from './refresh-token-cookie';
import { RefreshTokenDelivery } from './refresh-token-delivery.enum';
import { deliverSession, type SessionResponse } from './session-response';

/** A request as the session routes read it (platform-neutral: Express and Fastify requests both fit). */
export interface SessionRequest extends CookieRequest {
  readonly ip?: string;
}

/**
 * What the tenant users' and the platform users' session routes do, the same for both but for the kind of
 * user and the cookie's path; their controllers only add routes and guards.
 */
export class SessionEndpoints {
  constructor(
    private readonly sessions: SessionsService,
    private readonly kind: SessionUserKind,
    private readonly cookiePath: string,
  ) {}

  /** The refresh token from the body, else from the cookie; answered the same way it came. */
  async refresh(
    body: RefreshDto,
    request: SessionRequest,
    response: HeaderResponse,
  ): Promise<SessionResponse> {
    const fromBody = body.refreshToken;
    const token = fromBody ?? readRefreshCookie(request);
    if (token === null) throw new InvalidRefreshTokenException();
    const issued = await this.sessions.refresh(this.kind, token, {
      ip: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    });
    const delivery = fromBody === undefined ? RefreshTokenDelivery.Cookie : RefreshTokenDelivery.Body;
    return deliverSession(issued, delivery, { request, response, cookiePath: this.cookiePath });
  }

  async logout(request: SessionRequest, response: HeaderResponse): Promise<void> {
    await this.sessions.logout(request.ip ?? null);
    clearRefreshCookie(response, request, this.cookiePath);
  }
}
