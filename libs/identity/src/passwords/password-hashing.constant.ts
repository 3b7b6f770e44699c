/** Bounds a password's length: long enough for passphrases, short enough that hashing is not a DoS lever. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
