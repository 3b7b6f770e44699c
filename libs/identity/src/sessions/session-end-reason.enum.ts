/** Why a session ended: recorded on the session and in the audit trail. */
export enum SessionEndReason {
  Logout = 'logout',
  /** Its owner ended it from their session list. */
  RevokedByUser = 'revoked_by_user',
  /** A tenant admin ended the user's sessions. */
  RevokedByAdmin = 'revoked_by_admin',
  /** A refresh token it had already rotated away was presented again: someone else may hold the family. */
  RefreshTokenReused = 'refresh_token_reused',
  UserDeactivated = 'user_deactivated',
}
