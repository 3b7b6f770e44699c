import { getConnectionToken } from '@nestjs/mongoose';
import type { INestApplicationContext } from '@nestjs/common';
import type { CommandStartedEvent, Document, MongoClient } from 'mongodb';
import type { Connection } from 'mongoose';

/** What explain says about one recorded command: the index scan it chose, if any, and what it examined. */
export interface ExplainedPlan {
  readonly stages: string[];
  readonly indexName: string | undefined;
  readonly direction: string | undefined;
  readonly keysExamined: number;
  readonly docsExamined: number;
  readonly returned: number;
}

export interface RecordedCommand {
  readonly databaseName: string;
  readonly command: Document;
}

const EXPLAINABLE = new Set(['find', 'count', 'aggregate', 'findAndModify']);
/** Driver-added fields a command does not take inside `explain`. */
const SESSION_FIELDS = [
  'lsid',
  'txnNumber',
  'autocommit',
  'startTransaction',
  '$db',
  '$clusterTime',
  'readConcern',
  'writeConcern',
];

/**
 * Records the queries an app sends (its MongoDB client must be created with `monitorCommands=true`) and
 * explains them again on another client, so a test can assert that a product query, exactly as the product
 * builds it, uses its index.
 */
export class QueryPlanRecorder {
  private readonly recorded: CommandStartedEvent[] = [];

  constructor(app: INestApplicationContext) {
    app
      .get<Connection>(getConnectionToken())
      .getClient()
      .on('commandStarted', (event: CommandStartedEvent) => {
        if (EXPLAINABLE.has(event.commandName)) this.recorded.push(event);
      });
  }

  clear(): void {
    this.recorded.length = 0;
  }

  /** The recorded commands on a collection, oldest first. */
  commandsOn(collection: string, commandName?: string): RecordedCommand[] {
    return this.recorded
      .filter((event) => event.command[event.commandName] === collection)
      .filter((event) => commandName === undefined || event.commandName === commandName)
      .map((event) => {
        const command: Document = { ...event.command };
        for (const field of SESSION_FIELDS) delete command[field];
        return { databaseName: event.databaseName, command };
      });
  }

  async explain(client: MongoClient, recorded: RecordedCommand): Promise<ExplainedPlan> {
    const reply = await client
      .db(recorded.databaseName)
      .command({ explain: recorded.command, verbosity: 'executionStats' });
    const cursorStage = (reply['stages'] as Document[] | undefined)?.[0]?.['$cursor'] as Document | undefined;
    const sections = cursorStage ?? reply;
    const stats = sections['executionStats'] as Document;
    const stages: string[] = [];
    let indexScan: Document | undefined;
    for (
      let stage = sections['queryPlanner']['winningPlan'] as Document | undefined;
      stage;
      stage = stage['inputStage']
    ) {
      stages.push(stage['stage'] as string);
      if (stage['stage'] === 'IXSCAN') indexScan = stage;
    }
    return {
      stages,
      indexName: indexScan?.['indexName'] as string | undefined,
      direction: indexScan?.['direction'] as string | undefined,
      keysExamined: stats['totalKeysExamined'] as number,
      docsExamined: stats['totalDocsExamined'] as number,
      returned: stats['nReturned'] as number,
    };
  }
}
