import { UUID, type Document } from 'bson';
import { hostname } from 'node:os';
import type { CommandContext, CommandTable } from './command-context';
import { LOGICAL_SESSION_TIMEOUT_MINUTES } from '../transactions/session-registry';

const VERSION = '7.0.0';

function buildInfo(): Document {
  return {
    version: VERSION,
    versionArray: [7, 0, 0, 0],
    gitVersion: 'tenantpay-mongo-emulator',
    bits: 64,
    debug: false,
    maxBsonObjectSize: 16 * 1024 * 1024,
    storageEngines: ['emulator'],
    modules: [],
  };
}

function serverStatus(context: CommandContext): Document {
  const uptimeMillis = Date.now() - context.server.startedAt.getTime();
  return {
    host: `${context.server.host}:${context.server.port}`,
    version: VERSION,
    process: 'mongod',
    pid: process.pid,
    uptime: Math.floor(uptimeMillis / 1000),
    uptimeMillis,
    localTime: new Date(),
  };
}

/** Answers the parameters drivers and tools ask for; unknown ones are simply absent, as with `*`. */
function getParameter(context: CommandContext): Document {
  const known: Document = {
    featureCompatibilityVersion: { version: '7.0' },
    transactionLifetimeLimitSeconds: 60,
  };
  if (context.command['getParameter'] === '*') return known;
  return Object.fromEntries(Object.entries(known).filter(([name]) => context.command[name] !== undefined));
}

function endSessions(context: CommandContext): Document {
  const lsids = context.command['endSessions'];
  if (Array.isArray(lsids)) for (const lsid of lsids) context.sessions.endSession(lsid as Document);
  return {};
}

/**
 * As mongod: kills the named sessions, aborting their open transactions at once so their write locks are
 * released (how a client frees what a crashed process left locked, without waiting for the transaction's
 * lifetime limit). Unknown sessions are ignored.
 */
function killSessions(context: CommandContext): Document {
  const lsids = context.command['killSessions'];
  if (Array.isArray(lsids)) for (const lsid of lsids) context.sessions.endSession(lsid as Document);
  return {};
}

/** A new session, in the session cache from now on as in mongod. */
function startSession(context: CommandContext): Document {
  const lsid = { id: new UUID() };
  context.sessions.recordUse(lsid);
  return { id: lsid, timeoutMinutes: LOGICAL_SESSION_TIMEOUT_MINUTES };
}

export const diagnosticCommands: CommandTable = {
  buildInfo,
  buildinfo: buildInfo,
  serverStatus,
  getParameter,
  endSessions,
  killSessions,
  ping: () => ({}),
  getLog: () => ({ totalLinesWritten: 0, log: [] }),
  hostInfo: () => ({
    system: { hostname: hostname(), currentTime: new Date() },
    os: { type: process.platform },
  }),
  whatsmyuri: () => ({ you: '127.0.0.1:0' }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] } }),
  getCmdLineOpts: () => ({ argv: ['mongod'], parsed: {} }),
  startSession,
  refreshSessions: () => ({}),
  killAllSessions: () => ({}),
  logout: () => ({}),
};
