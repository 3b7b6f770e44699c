import { UNLIMITED } from '@tenantpay/tenancy';

/** A numeric allowance or the word "unlimited" (`Limit` in @tenantpay/tenancy). */
export const LIMIT_SCHEMA = {
  oneOf: [
    { type: 'integer', minimum: 0 },
    { type: 'string', enum: [UNLIMITED] },
  ],
};
