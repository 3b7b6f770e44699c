import { ValidationException } from '@tenantpay/platform';
import { TENANT_ID_HEADER } from './tenancy-headers.constant';

export class InvalidTenantHeaderException extends ValidationException {
  constructor() {
    super(
      [
        {
          field: TENANT_ID_HEADER,
          issue: 'must be one tenant id (24 hexadecimal characters) or one tenant slug',
        },
      ],
      `The ${TENANT_ID_HEADER} header is malformed.`,
    );
  }
}
