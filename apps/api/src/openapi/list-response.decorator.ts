import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * The handler answers 200 with one page of `item`s in the list envelope (`listEnvelope` in
 * @tenantpay/platform): `ListEnvelope<T>` is generic, which the CLI plugin cannot turn into a schema. `item` is
 * a response class, or the name of a schema written out under `components.schemas` (`Payment`).
 */
export const ListResponse = (item: Type | string): MethodDecorator =>
  applyDecorators(
    ...(typeof item === 'string' ? [] : [ApiExtraModels(item)]),
    ApiOkResponse({
      description: 'One page, in the list envelope',
      schema: {
        type: 'object',
        required: ['object', 'data', 'has_more'],
        additionalProperties: false,
        properties: {
          object: { type: 'string', enum: ['list'] },
          data: { type: 'array', items: { $ref: getSchemaPath(item) } },
          has_more: {
            type: 'boolean',
            description: 'More items follow: ask again with `starting_after` = the last id of this page',
          },
        },
      },
    }),
  );
