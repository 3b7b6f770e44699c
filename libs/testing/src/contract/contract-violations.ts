import type { FastifyInstance } from 'fastify';
import { recordContractViolation } from './contract-violation-log';
import { OpenApiContract } from './openapi-contract';

let contract: OpenApiContract | undefined;

/**
 * Checks every response the application sends against the committed OpenAPI document, recording what breaks
 * it; `failOnContractViolations` (run after each test by the Jest setup) fails the test that caused one.
 * Recorded rather than thrown: a hook that throws would change the response the test is looking at.
 */
export function checkResponsesAgainstContract(fastify: FastifyInstance): void {
  contract ??= OpenApiContract.fromCommittedDocument();
  const checked = contract;
  fastify.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url;
    if (route === undefined) return payload;
    const contentType = reply.getHeader('content-type');
    const violation = checked.violation({
      method: request.method,
      route,
      status: reply.statusCode,
      contentType: typeof contentType === 'string' ? contentType : undefined,
      body:
        typeof payload === 'string'
          ? payload
          : Buffer.isBuffer(payload)
            ? payload.toString('utf8')
            : undefined,
    });
    if (violation !== undefined) recordContractViolation(violation);
    return payload;
  });
}
