/** Capabilities a tier may include; routes ask for one with `@RequireFeature()`. */
export enum Feature {
  BasicPayments = 'BASIC_PAYMENTS',
  BulkPayments = 'BULK_PAYMENTS',
  Analytics = 'ANALYTICS',
  CustomWorkflows = 'CUSTOM_WORKFLOWS',
  WhiteLabel = 'WHITE_LABEL',
  ApiKeys = 'API_KEYS',
  /** A tenant admin may require MFA of every user. */
  MandatoryMfa = 'MANDATORY_MFA',
}
