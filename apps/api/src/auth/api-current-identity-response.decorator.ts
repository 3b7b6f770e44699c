import { applyDecorators, type Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** Who the caller is (`CurrentIdentity` in @tenantpay/identity, a union): one of the given shapes. */
export const ApiCurrentIdentityResponse = (...kinds: Type[]): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(...kinds),
    ApiOkResponse({
      description: 'The caller',
      schema: { oneOf: kinds.map((kind) => ({ $ref: getSchemaPath(kind) })) },
    }),
  );
