import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-hashing.constant';
import { COMMON_PASSWORDS } from './common-passwords';
import { WeakPasswordException } from './weak-password.exception';

/** Digits and symbols people pad a common word with to pass a length rule ("password1234!"). */
const DECORATION = /^[\d\W_]+|[\d\W_]+$/gu;
/** A local part this short ("a@bank.test") would refuse too many good passwords by accident. */
const MIN_LOCAL_PART_CHECKED = 3;

/**
 * The password policy (NIST SP 800-63B §5.1.1.2: length and a blocklist, no composition rules), checked
 * everywhere a password is set: at least 12 characters (Unicode code points, so a passphrase in any script
 * counts fairly), at most 128, not a common breached password (also once stripped of leading and trailing digits
 * and symbols), and neither the account's email nor containing its local part. Throws WeakPasswordException
 * naming the rule.
 */
export function assertPasswordAllowed(password: string, email: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH)
    throw new WeakPasswordException(
      'min_length',
      `The password must be at least ${PASSWORD_MIN_LENGTH} characters long.`,
    );
  if (length > PASSWORD_MAX_LENGTH)
    throw new WeakPasswordException(
      'max_length',
      `The password must be at most ${PASSWORD_MAX_LENGTH} characters long.`,
    );
  const lowered = password.toLowerCase();
  const core = lowered.replace(DECORATION, '');
  if (COMMON_PASSWORDS.has(lowered) || COMMON_PASSWORDS.has(core))
    throw new WeakPasswordException(
      'common_password',
      'This password appears in lists of commonly used or breached passwords. Choose another.',
    );
  const normalizedEmail = email.trim().toLowerCase();
  const localPart = normalizedEmail.split('@')[0] ?? '';
  if (
    lowered.includes(normalizedEmail) ||
    (localPart.length >= MIN_LOCAL_PART_CHECKED && lowered.includes(localPart))
  )
    throw new WeakPasswordException('contains_email', 'The password must not contain your email address.');
}
