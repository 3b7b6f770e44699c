import type { CommandHandler } from './command-context';
import { aggregateCommands } from './aggregate.command';
import { collModCommands } from './coll-mod.command';
import { collectionAdminCommands } from './collection-admin.commands';
import { countCommands } from './count.command';
import { deleteCommands } from './delete.command';
import { diagnosticCommands } from './diagnostic.commands';
import { distinctCommands } from './distinct.command';
import { explainCommands } from './explain.command';
import { failPointCommands } from './fail-point.commands';
import { findAndModifyCommands } from './find-and-modify.command';
import { findCommands } from './find.commands';
import { handshakeCommands } from './handshake.commands';
import { indexAdminCommands } from './index-admin.commands';
import { insertCommands } from './insert.command';
import { transactionCommands } from './transaction.commands';
import { updateCommands } from './update.command';

/** Command name → handler. A name missing here is answered with CommandNotFound (59). */
export const COMMAND_REGISTRY: ReadonlyMap<string, CommandHandler> = new Map(
  Object.entries({
    ...handshakeCommands,
    ...diagnosticCommands,
    ...collectionAdminCommands,
    ...collModCommands,
    ...indexAdminCommands,
    ...insertCommands,
    ...findCommands,
    ...countCommands,
    ...distinctCommands,
    ...updateCommands,
    ...deleteCommands,
    ...findAndModifyCommands,
    ...aggregateCommands,
    ...explainCommands,
    ...transactionCommands,
    ...failPointCommands,
  }),
);
