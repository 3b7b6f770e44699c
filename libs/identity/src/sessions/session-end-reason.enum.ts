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
  /** The user changed their password: their other devices sign in again with the new one. */
  PasswordChanged = 'password_changed',
  /** The password was reset by email: whoever knew the old one is signed out everywhere. */
  PasswordReset = 'password_reset',
}
