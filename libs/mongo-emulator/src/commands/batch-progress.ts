import type { Document } from 'bson';
import type { CommandContext } from './command-context';

/** How far a batched write got; kept in the context so a command resumed after a wait continues. */
export interface BatchProgress {
  next: number;
  matched: number;
  modified: number;
  upserted: Document[];
  writeErrors: Document[];
}

export function batchProgressOf(context: CommandContext): BatchProgress {
  const existing = context.progress['batch'] as BatchProgress | undefined;
  if (existing !== undefined) return existing;
  const created: BatchProgress = { next: 0, matched: 0, modified: 0, upserted: [], writeErrors: [] };
  context.progress['batch'] = created;
  return created;
}
