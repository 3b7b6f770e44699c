import { NON_TEXT_CONTRAST_AA } from '@tenantpay/tenancy';
import type { JsonSchema } from './json-schema';

const nullableString: JsonSchema = { type: ['string', 'null'] };
const textColor: JsonSchema = {
  type: ['string', 'null'],
  description:
    'Black or white, whichever reaches WCAG AA (4.5:1) on the colour; null when the colour is the default',
};

const brandingProperties: Record<string, JsonSchema> = {
  displayName: { type: 'string' },
  logoUrl: nullableString,
  primaryColor: nullableString,
  onPrimaryColor: textColor,
  secondaryColor: nullableString,
  onSecondaryColor: textColor,
  supportEmail: nullableString,
  supportUrl: nullableString,
};

/**
 * A tenant's public branding (`PublicBranding` in @tenantpay/tenancy), written out because the view is an
 * interface; closed so that a field the schema does not describe fails the contract tests.
 */
export const BRANDING_SCHEMA_OBJECT: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: Object.keys(brandingProperties),
  properties: brandingProperties,
};

const contrastWarning: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'param', 'against', 'ratio', 'required', 'message'],
  properties: {
    code: { type: 'string', const: 'low_contrast' },
    param: { type: 'string', const: 'primaryColor' },
    against: { type: 'string', enum: ['page', 'secondaryColor'] },
    ratio: { type: 'number' },
    required: { type: 'number' },
    message: { type: 'string' },
  },
};

/** The answer to `PUT /v1/branding` (`BrandingUpdate`): the branding and the warnings its colours raise. */
export const BRANDING_UPDATE_SCHEMA_OBJECT: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: [...Object.keys(brandingProperties), 'warnings'],
  properties: {
    ...brandingProperties,
    warnings: {
      type: 'array',
      description: `Brand colours too faint to draw shapes (WCAG 1.4.11, ${NON_TEXT_CONTRAST_AA}:1): accepted, not refused`,
      items: contrastWarning,
    },
  },
};
