import type { NewMail } from '@tenantpay/mail';
import type { ClientSession, Types } from 'mongoose';
import type { SessionUserKind } from '../sessions/sessions.service';

/** What a reset needs of an account, a tenant user's or a platform operator's. */
export interface ResettableAccount {
  readonly _id: Types.ObjectId;
  readonly email: string;
  readonly isActive: boolean;
}

/** One issued reset, as the flow reads it back. */
export interface IssuedPasswordReset {
  readonly _id: Types.ObjectId;
  readonly userId: string;
  readonly expiresAt: Date;
  readonly usedAt: Date | null;
}

/**
 * Where resets of one audience are stored. Writes take the session of the flow's transaction: tenant-owned
 * stores join it through the ambient transaction anyway, platform-owned ones need it passed.
 */
export interface PasswordResetTokenStore {
  insert(userId: string, tokenHash: string, expiresAt: Date, session: ClientSession): Promise<unknown>;
  findByTokenHash(hash: string): Promise<IssuedPasswordReset | null>;
  issuedSince(userId: string, since: Date): Promise<boolean>;
  /** Marks the token used if it still was not; false when another request used it first. */
  use(id: Types.ObjectId, at: Date, session: ClientSession): Promise<boolean>;
  /** Voids every open reset of the user. */
  voidOpen(userId: string, at: Date, session: ClientSession): Promise<void>;
}

/**
 * Whose passwords a PasswordResetFlow resets: the current tenant's users, or the platform's operators. Everything
 * that differs between the two is here; the flow (tokens, timing, transaction, audit, sessions) is one.
 */
export interface PasswordResetAudience {
  /** The audit resource type of an account, and the session owner kind whose sessions a reset ends. */
  readonly resourceType: 'user' | 'platform_user';
  readonly sessionKind: SessionUserKind;
  /** Runs the request or confirmation where the audience's data lives (the tenant's context, or the platform scope). */
  run<R>(work: () => Promise<R>): Promise<R>;
  findAccountByEmail(email: string): Promise<ResettableAccount | null>;
  findAccountById(id: string): Promise<ResettableAccount | null>;
  setPasswordHash(id: Types.ObjectId, passwordHash: string, session: ClientSession): Promise<void>;
  loginAccountKey(email: string): string;
  readonly tokens: PasswordResetTokenStore;
  /** The rendered reset email, its link carrying `token`. */
  resetMail(to: string, token: string): NewMail;
  /** Writes the email in the transaction; the returned dispatch puts it on the queue after the commit. */
  writeMail(mail: NewMail, session: ClientSession): Promise<() => Promise<void>>;
}
