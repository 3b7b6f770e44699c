// @ts-check
/**
 * What an MFA enrolment shows, the same at a mandatory enrolment during sign-in and on the two-factor page: the
 * otpauth:// link (an authenticator app on the same device opens it) and the secret to type in, then the
 * recovery codes. The API shows both once; the page never stores them.
 */

/** @typedef {{ secret: string, otpauthUri: string }} MfaEnrolment */

/**
 * @param {HTMLElement} container
 * @param {MfaEnrolment} enrolment
 */
export function showTotpSecret(container, enrolment) {
  const link = document.createElement('a');
  link.href = enrolment.otpauthUri;
  link.textContent = 'Add to an authenticator app on this device';
  const typed = document.createElement('p');
  typed.append('Or type this key into the app: ');
  const secret = document.createElement('code');
  secret.className = 'mfa-secret';
  // Groups of four are easier to type; apps ignore the spaces.
  secret.textContent = enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ');
  secret.dataset['secret'] = enrolment.secret;
  typed.append(secret);
  const linkLine = document.createElement('p');
  linkLine.append(link);
  container.replaceChildren(linkLine, typed);
}

/**
 * @param {HTMLOListElement} list
 * @param {readonly string[]} codes
 */
export function showRecoveryCodes(list, codes) {
  list.replaceChildren(
    ...codes.map((code) => {
      const item = document.createElement('li');
      const text = document.createElement('code');
      text.textContent = code;
      item.append(text);
      return item;
    }),
  );
}
