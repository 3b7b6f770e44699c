/**
 * A data file of the durable engine that cannot be read back. The engine refuses to start on it: starting
 * empty (or with part of the data) would look like a working database that lost its contents.
 */
export class CorruptDataFileError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(
      `The MongoDB engine's data file ${file} is corrupt at byte offset ${offset}: ${reason}. ` +
        'The engine will not start without its data: restore the folder from a backup, or move it aside to start empty.',
    );
    this.name = 'CorruptDataFileError';
  }
}
