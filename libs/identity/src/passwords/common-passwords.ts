import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * The ~49,000 most common passwords of public breach corpora, as zxcvbn-ts ships them (lowercase). Loaded once,
 * offline: the policy never sends a password (or its hash prefix) anywhere.
 */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(dictionary['passwords-common']);
