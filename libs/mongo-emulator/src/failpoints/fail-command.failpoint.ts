import type { Document } from 'bson';
import { CommandError } from '../commands/command-error';
import type { FailCommandAction } from './fail-command-action';
import { FailPointActivation } from './fail-point-activation';

export const FAIL_COMMAND = 'failCommand';

interface FailCommandFilter {
  readonly commandNames: ReadonlySet<string>;
  /** Only commands of connections whose handshake named this application (`appName` in the URI). */
  readonly appName: string | undefined;
  readonly action: FailCommandAction;
}

/**
 * mongod's `failCommand` fail point (set with `configureFailPoint`): makes the named commands fail, block
 * or lose their connection, so clients' retry paths (withTransaction, retryable commit) can be tested.
 */
export class FailCommandFailPoint {
  private activation = FailPointActivation.off();
  private filter: FailCommandFilter | undefined;
  private timesEntered = 0;

  /** Replaces the configuration; returns how many times the previous one fired, as mongod's `count`. */
  configure(mode: unknown, data: Document | undefined): number {
    const activation = FailPointActivation.parse(mode);
    const filter = activation.isOff ? undefined : parseFilter(data ?? {});
    const previous = this.timesEntered;
    this.activation = activation;
    this.filter = filter;
    this.timesEntered = 0;
    return previous;
  }

  /** The action for this command, or undefined when the fail point does not fire for it. */
  trigger(commandName: string, appName: string | undefined): FailCommandAction | undefined {
    const filter = this.filter;
    if (filter === undefined || !filter.commandNames.has(commandName)) return undefined;
    if (filter.appName !== undefined && filter.appName !== appName) return undefined;
    if (!this.activation.shouldFire()) return undefined;
    this.timesEntered++;
    if (this.activation.isOff) this.filter = undefined;
    return filter.action;
  }
}

function parseFilter(data: Document): FailCommandFilter {
  const names = data['failCommands'];
  if (!Array.isArray(names) || names.some((name) => typeof name !== 'string')) {
    throw new CommandError('BadValue', "failCommand requires 'data.failCommands', an array of command names");
  }
  const labels = data['errorLabels'];
  if (labels !== undefined && (!Array.isArray(labels) || labels.some((label) => typeof label !== 'string'))) {
    throw new CommandError('BadValue', "failCommand 'data.errorLabels' must be an array of strings");
  }
  const writeConcernError = data['writeConcernError'];
  if (
    writeConcernError !== undefined &&
    (typeof writeConcernError !== 'object' || writeConcernError === null)
  ) {
    throw new CommandError('BadValue', "failCommand 'data.writeConcernError' must be a document");
  }
  const errorCode = data['errorCode'] === undefined ? undefined : Number(data['errorCode']);
  if (errorCode !== undefined && !Number.isInteger(errorCode)) {
    throw new CommandError('BadValue', "failCommand 'data.errorCode' must be an integer");
  }
  const blockTimeMS = data['blockConnection'] === true ? Number(data['blockTimeMS'] ?? 0) : 0;
  if (!Number.isFinite(blockTimeMS) || blockTimeMS < 0) {
    throw new CommandError('BadValue', "failCommand 'data.blockTimeMS' must be a non-negative number");
  }
  const appName = data['appName'];
  if (appName !== undefined && typeof appName !== 'string') {
    throw new CommandError('BadValue', "failCommand 'data.appName' must be a string");
  }
  return {
    commandNames: new Set(names as string[]),
    appName,
    action: {
      blockTimeMS,
      closeConnection: data['closeConnection'] === true,
      errorCode,
      errorLabels: labels as string[] | undefined,
      writeConcernError: writeConcernError as Document | undefined,
    },
  };
}
