import type { Document, ObjectId } from 'bson';
import type { CursorRegistry } from '../cursors/cursor-registry';
import type { FailCommandFailPoint } from '../failpoints/fail-command.failpoint';
import type { DataScope } from '../storage/document-set';
import type { StorageEngine } from '../storage/storage-engine';
import type { SessionRegistry } from '../transactions/session-registry';
import type { Transaction } from '../transactions/transaction';

/** What the server says about itself in hello, buildInfo and serverStatus. */
export interface ServerIdentity {
  readonly host: string;
  readonly port: number;
  /** undefined for a standalone server. */
  readonly replicaSetName: string | undefined;
  readonly startedAt: Date;
  readonly electionId: ObjectId;
}

/** What the server knows about one client connection. */
export interface ConnectionState {
  readonly id: number;
  /** `client.application.name` from the connection's handshake (the URI's `appName`). */
  appName: string | undefined;
}

export interface CommandContext {
  readonly command: Document;
  readonly commandName: string;
  readonly databaseName: string;
  readonly connectionId: number;
  /** Committed data, or the open transaction's view of it. */
  readonly scope: DataScope;
  readonly transaction: Transaction | undefined;
  readonly engine: StorageEngine;
  readonly cursors: CursorRegistry;
  readonly sessions: SessionRegistry;
  readonly server: ServerIdentity;
  readonly failCommand: FailCommandFailPoint;
  /** Scratch state that survives when the command waits for a transaction and is run again. */
  readonly progress: Document;
}

/** Returns the reply without `ok`; failures are thrown as CommandError. */
export type CommandHandler = (context: CommandContext) => Document;

export type CommandTable = Readonly<Record<string, CommandHandler>>;
