import { QrCode } from './qr-code';

/** A new TOTP factor's key as the API hands it out once (`POST …/mfa/totp`, `…/login/mfa/enrol`). */
export interface AuthenticatorEnrolment {
  readonly secret: string;
  readonly otpauthUri: string;
}

/**
 * The three ways to give an authenticator app its key, shown once: the QR code of the `otpauth://` URI to scan, a
 * link that opens an app on this device, and the key as text to type in.
 */
export function AuthenticatorKey({ enrolment }: { readonly enrolment: AuthenticatorEnrolment }) {
  return (
    <div class="authenticator-key">
      <QrCode value={enrolment.otpauthUri} label="QR code of the key for your authenticator app" />
      <div>
        <p>Scan the code with your authenticator app (shown only now), or</p>
        <p>
          <a href={enrolment.otpauthUri}>add it to an authenticator app on this device</a>, or type in this
          key:
        </p>
        <code class="secret-value">{enrolment.secret}</code>
      </div>
    </div>
  );
}
