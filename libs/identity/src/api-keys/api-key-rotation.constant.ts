/**
 * How long a rotated key keeps working beside its replacement, so the caller's servers can switch without
 * downtime: chosen per rotation, 24 hours unless said, at most 7 days (a leaked key must not linger), and 0
 * to cut the old key at once.
 */
export const API_KEY_ROTATION_DEFAULT_OVERLAP_SECONDS = 24 * 60 * 60;
export const API_KEY_ROTATION_MAX_OVERLAP_SECONDS = 7 * 24 * 60 * 60;
