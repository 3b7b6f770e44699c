/** How a login hands out the session's refresh token: the portal asks for a cookie, API clients for the body. */
export enum RefreshTokenDelivery {
  Cookie = 'cookie',
  Body = 'body',
}
