/**
 * A message body's size from its `Content-Length` header (0 when absent or malformed). For requests the body
 * parser has already refused any body that disagrees with it; for responses Fastify sets it on every send.
 */
export function declaredBodyBytes(contentLength: string | number | readonly string[] | undefined): number {
  const bytes = Number(Array.isArray(contentLength) ? contentLength[0] : contentLength);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : 0;
}
