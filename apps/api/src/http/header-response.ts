/**
 * What a controller sets on a response it takes with `@Res({ passthrough: true })`: Express's Response and
 * Fastify's Reply both set a header this way, so no controller needs either platform's types.
 */
export interface HeaderResponse {
  header(name: string, value: string): unknown;
}
