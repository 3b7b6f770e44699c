import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';
import { MfaChallengeResponse } from './responses/mfa-challenge.response';
import { SessionTokensResponse } from './responses/session-tokens.response';

/** The password step answers the session, or (an account with MFA) the challenge to finish it with. */
export const ApiLoginResponse = (): MethodDecorator =>
  applyDecorators(
    ApiExtraModels(SessionTokensResponse, MfaChallengeResponse),
    ApiOkResponse({
      description: 'The session, or the second-factor challenge',
      schema: {
        oneOf: [
          { $ref: getSchemaPath(SessionTokensResponse) },
          { $ref: getSchemaPath(MfaChallengeResponse) },
        ],
      },
    }),
  );
