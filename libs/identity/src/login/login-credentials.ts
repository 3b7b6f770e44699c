/** What a person types to log in. */
export interface LoginCredentials {
  readonly email: string;
  readonly password: string;
}
