import type { MfaEnrolment } from '@tenantpay/identity';

/** Shown once, at enrolment: the TOTP secret to type in, or the URI to scan as a QR code. */
export class MfaEnrolmentResponse implements MfaEnrolment {
  /** Base32. @example "JBSWY3DPEHPK3PXP" */
  readonly secret!: string;
  /** @example "otpauth://totp/Tenantpay:ana.silva%40example-bank.com?secret=JBSWY3DPEHPK3PXP&issuer=Tenantpay" */
  readonly otpauthUri!: string;
}
