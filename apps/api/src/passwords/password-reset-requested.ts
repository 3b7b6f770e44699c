/** The same answer whatever the email: a reset request never tells whether an account exists. */
export const PASSWORD_RESET_REQUESTED = {
  status: 'requested',
  message: 'If an account exists for this email, a link to reset its password is on its way.',
} as const;
