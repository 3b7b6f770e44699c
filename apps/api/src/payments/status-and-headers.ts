/** What the payment controllers set on a response (Fastify's reply and Express's response both have these). */
export interface StatusAndHeaders {
  status(code: number): unknown;
  header(name: string, value: string): unknown;
}
