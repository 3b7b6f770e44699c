import type { FastifyRequest } from 'fastify';
import { DomainException } from '../errors/domain.exception';
import { ErrorCode } from '../errors/error-code';
import { isNestedDeeperThan } from './is-nested-deeper-than';

/** Far deeper than any request the API defines (a few levels), far shallower than what overflows the stack. */
const MAX_BODY_DEPTH = 32;

/** `application/json` and the `application/*+json` family: the API has no other body format. */
export const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json(?:\s*;.*)?$/i;

/**
 * Fastify's content parser for JSON bodies (Fastify reads the bytes, within the route's body limit). The exact
 * bytes stay on `request.rawBody` for routes that verify a signature over them (inbound gateway webhooks): any
 * re-serialisation of the parsed body may differ from what was signed. Plain `JSON.parse` on purpose: keys
 * such as `__proto__` become own properties that RejectUnsafeInputPipe then refuses with its own answer.
 */
export function parseJsonBody(
  request: FastifyRequest,
  body: Buffer,
  done: (error: Error | null, value?: unknown) => void,
): void {
  (request as FastifyRequest & { rawBody?: Buffer }).rawBody = body;
  if (body.length === 0) return done(null, {});
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return done(new DomainException(ErrorCode.InvalidJson, 'The request body is not valid JSON.'));
  }
  if (isNestedDeeperThan(parsed, MAX_BODY_DEPTH)) {
    return done(
      new DomainException(
        ErrorCode.ValidationError,
        `The request body is nested more than ${MAX_BODY_DEPTH} levels deep.`,
      ),
    );
  }
  done(null, parsed);
}
