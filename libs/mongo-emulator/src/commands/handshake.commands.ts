import { Timestamp, type Document } from 'bson';
import type { CommandContext, CommandTable } from './command-context';
import { LOGICAL_SESSION_TIMEOUT_MINUTES } from '../transactions/session-registry';
import { MAX_MESSAGE_SIZE_BYTES } from '../wire/op-codes';

const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
/** MongoDB 7.0; drivers gate features such as transactions and OP_MSG on it. */
const MAX_WIRE_VERSION = 21;

/**
 * hello / isMaster. No topologyVersion is sent on purpose: with it the driver switches to streaming
 * (awaitable) hello, which would need held-open replies; without it the driver polls.
 */
function hello(context: CommandContext): Document {
  const { server } = context;
  const reply: Document = {
    helloOk: true,
    isWritablePrimary: true,
    ismaster: true,
    maxBsonObjectSize: MAX_BSON_OBJECT_SIZE,
    maxMessageSizeBytes: MAX_MESSAGE_SIZE_BYTES,
    maxWriteBatchSize: 100_000,
    localTime: new Date(),
    logicalSessionTimeoutMinutes: LOGICAL_SESSION_TIMEOUT_MINUTES,
    connectionId: context.connectionId,
    minWireVersion: 0,
    maxWireVersion: MAX_WIRE_VERSION,
    readOnly: false,
  };
  if (server.replicaSetName === undefined) return reply;
  const me = `${server.host}:${server.port}`;
  const now = new Date();
  const opTime = { ts: Timestamp.fromBits(0, Math.floor(now.getTime() / 1000)), t: 1 };
  return {
    ...reply,
    hosts: [me],
    setName: server.replicaSetName,
    setVersion: 1,
    secondary: false,
    primary: me,
    me,
    electionId: server.electionId,
    lastWrite: { opTime, lastWriteDate: now, majorityOpTime: opTime, majorityWriteDate: now },
  };
}

export const handshakeCommands: CommandTable = { hello, isMaster: hello, ismaster: hello };
