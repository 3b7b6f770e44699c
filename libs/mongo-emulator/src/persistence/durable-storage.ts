import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import type { StorageEngine } from '../storage/storage-engine';
import { decodeRecords } from './data-record.codec';
import { DataDirectoryLock } from './data-directory-lock';
import { applyJournalOperation, type JournalOperation } from './journal-operation';
import { JournalWriter } from './journal-writer';
import { readSnapshot, writeSnapshot } from './snapshot-file';

export interface DurableStorageOptions {
  readonly dataDir: string;
  /** How often journal writes are forced to disk (fdatasync); default 100 ms, mongod's commitIntervalMs. */
  readonly journalSyncIntervalMs?: number;
  /** How often a snapshot replaces the journal written since the last one; default 60 s. */
  readonly snapshotIntervalMs?: number;
  /** Where recovery reports what it did (a torn record truncated). */
  readonly log?: (line: string) => void;
}

export const DEFAULT_JOURNAL_SYNC_INTERVAL_MS = 100;
export const DEFAULT_SNAPSHOT_INTERVAL_MS = 60_000;
const SNAPSHOT_FILE = 'snapshot.bson';
const JOURNAL_FILE = /^journal-(\d+)\.log$/;

/**
 * Keeps a StorageEngine's committed data in a folder: `snapshot.bson` (the whole engine at one point) and
 * `journal-<generation>.log` (every change since). On open it loads the snapshot, replays the journal, and
 * only then journals new changes; a checkpoint writes a new snapshot and starts the next generation's journal.
 */
export class DurableStorage {
  private journal: JournalWriter;
  private readonly snapshotTimer: NodeJS.Timeout;
  private stopped = false;

  private constructor(
    private readonly engine: StorageEngine,
    private readonly options: DurableStorageOptions,
    private readonly lock: DataDirectoryLock,
    private generation: number,
  ) {
    this.journal = this.openJournal(generation);
    this.snapshotTimer = setInterval(() => {
      if (this.journal.size > 0) this.checkpoint();
    }, options.snapshotIntervalMs ?? DEFAULT_SNAPSHOT_INTERVAL_MS);
    this.snapshotTimer.unref();
  }

  /** Recovers the folder's data into the (empty) engine and journals its changes from then on. */
  static open(engine: StorageEngine, options: DurableStorageOptions): DurableStorage {
    mkdirSync(options.dataDir, { recursive: true });
    const lock = DataDirectoryLock.acquire(options.dataDir);
    try {
      const snapshot = join(options.dataDir, SNAPSHOT_FILE);
      const generation = existsSync(snapshot) ? readSnapshot(engine, snapshot) : 0;
      replayJournal(engine, journalPath(options.dataDir, generation), options.log);
      removeStaleFiles(options.dataDir, generation);
      return new DurableStorage(engine, options, lock, generation);
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** Writes a snapshot of everything committed and starts an empty journal after it. */
  checkpoint(): void {
    const next = this.generation + 1;
    writeSnapshot(this.engine, join(this.options.dataDir, SNAPSHOT_FILE), next);
    const previous = this.journal;
    this.journal = this.openJournal(next);
    previous.close();
    rmSync(previous.file, { force: true });
    this.generation = next;
  }

  /** A clean stop: a final snapshot, so the next start has no journal to replay. */
  close(): void {
    if (this.stopped) return;
    clearInterval(this.snapshotTimer);
    if (this.journal.size > 0) this.checkpoint();
    this.stop();
  }

  /**
   * Stops without the final snapshot, leaving the files exactly as a killed process would (what recovery
   * tests need; `close()` is the clean stop). Without it a dropped storage's snapshot timer would still fire.
   */
  abandon(): void {
    if (this.stopped) return;
    clearInterval(this.snapshotTimer);
    this.stop();
  }

  private stop(): void {
    this.stopped = true;
    this.journal.close();
    this.lock.release();
  }

  private openJournal(generation: number): JournalWriter {
    const journal = new JournalWriter(
      journalPath(this.options.dataDir, generation),
      this.options.journalSyncIntervalMs ?? DEFAULT_JOURNAL_SYNC_INTERVAL_MS,
    );
    this.engine.observeChanges(journal);
    return journal;
  }
}

function journalPath(dataDir: string, generation: number): string {
  return join(dataDir, `journal-${generation}.log`);
}

/**
 * Replays the journal written after the snapshot. Its last record may be torn (the process died while
 * writing it; it was never acknowledged): that record is cut off and said so. Any other damage refuses.
 */
function replayJournal(engine: StorageEngine, file: string, log: ((line: string) => void) | undefined): void {
  if (!existsSync(file)) return;
  const data = readFileSync(file);
  const { records, completeLength } = decodeRecords(data, file);
  for (const record of records) {
    for (const operation of record['ops'] as JournalOperation[]) applyJournalOperation(engine, operation);
  }
  if (completeLength < data.length) {
    truncateSync(file, completeLength);
    log?.(
      `MongoDB engine: the journal ${file} ended with a torn record at byte offset ${completeLength} ` +
        `(${data.length - completeLength} bytes of a write interrupted by a crash, never acknowledged): truncated`,
    );
  }
}

/** Journals of older generations (already in the snapshot) and an unfinished snapshot from a crash. */
function removeStaleFiles(dataDir: string, generation: number): void {
  for (const name of readdirSync(dataDir)) {
    const journal = JOURNAL_FILE.exec(name);
    const stale = (journal !== null && Number(journal[1]) !== generation) || name === `${SNAPSHOT_FILE}.tmp`;
    if (stale) rmSync(join(dataDir, name), { force: true });
  }
}
