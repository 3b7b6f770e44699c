/**
 * HTTP methods that never change state (RFC 9110 §9.2.1 "safe"): the only ones an archived tenant or a
 * read-only support session may use.
 */
export const READ_ONLY_HTTP_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isReadOnlyHttpMethod(method: string | undefined): boolean {
  return method !== undefined && READ_ONLY_HTTP_METHODS.has(method.toUpperCase());
}
