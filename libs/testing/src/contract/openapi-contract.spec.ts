import { OpenApiContract } from './openapi-contract';

const widget = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: { id: { type: 'string' }, name: { type: ['string', 'null'] } },
};
const error = (codes: readonly string[]) => ({
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string', enum: codes } },
});
const json = (schema: object) => ({ content: { 'application/json': { schema } } });

/** A document of one operation, shaped as `npm run openapi` writes them. */
const contract = new OpenApiContract({
  paths: {
    '/v1/widgets/{id}': {
      get: {
        responses: {
          '200': json({ $ref: '#/components/schemas/Widget' }),
          '404': json(error(['not_found'])),
        },
      },
    },
  },
  components: { schemas: { Widget: widget } },
} as never);

const answer = (status: number, body: unknown) =>
  contract.violation({
    method: 'GET',
    route: '/v1/widgets/:id',
    status,
    contentType: 'application/json; charset=utf-8',
    body: JSON.stringify(body),
  });

describe('OpenApiContract.violation', () => {
  it('accepts a body that matches its schema, null where the schema allows it', () => {
    expect(answer(200, { id: 'w1', name: null })).toBeUndefined();
  });

  it('refuses a success body with a field the schema does not describe', () => {
    expect(answer(200, { id: 'w1', name: 'a', secret: 'x' })).toMatch(/body does not match the schema/);
  });

  it('refuses a success body missing a required field', () => {
    expect(answer(200, { name: 'a' })).toMatch(/must have required property 'id'/);
  });

  it('refuses an error code the operation does not declare for that status', () => {
    expect(answer(404, { error: 'not_found' })).toBeUndefined();
    expect(answer(404, { error: 'tenant_not_found' })).toMatch(/must be equal to one of the allowed values/);
  });

  it('refuses a status the operation does not declare', () => {
    expect(answer(409, { error: 'conflict' })).toMatch(/status not declared \(declared: 200, 404\)/);
  });
});
