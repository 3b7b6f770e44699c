import { IsolationRule } from '../errors/isolation-rule.enum';
import { refuse } from '../guards/refuse';

/**
 * Which scope opened each live cursor (server address + cursor id → scope key), learnt from the reply of the
 * command that opened it. A cursor id is a number anyone can read from a reply or guess; holding one must not
 * let another tenant page through what it selected.
 *
 * Bounded: cursors abandoned without being exhausted or killed are forgotten oldest first, and a forgotten
 * cursor can no longer be continued (refused, never let through).
 */
const MAX_TRACKED_CURSORS = 100_000;

export class CursorOwners {
  private readonly owners = new Map<string, string>();

  opened(address: string, cursorId: string, scopeKey: string): void {
    if (this.owners.size >= MAX_TRACKED_CURSORS) {
      const oldest = this.owners.keys().next();
      if (oldest.done !== true) this.owners.delete(oldest.value);
    }
    this.owners.set(`${address}|${cursorId}`, scopeKey);
  }

  closed(address: string, cursorId: string): void {
    this.owners.delete(`${address}|${cursorId}`);
  }

  assertOwner(address: string, cursorId: string, scopeKey: string, path: string): void {
    if (this.owners.get(`${address}|${cursorId}`) !== scopeKey) refuse(IsolationRule.ForeignCursor, path);
  }

  get size(): number {
    return this.owners.size;
  }
}
