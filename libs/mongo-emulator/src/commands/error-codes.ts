/** MongoDB server error codes the emulator returns, with the codeName drivers expect beside them. */
export const ErrorCode = {
  BadValue: 2,
  HostUnreachable: 6,
  HostNotFound: 7,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  IllegalOperation: 20,
  LockTimeout: 24,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  MaxTimeMSExpired: 50,
  DollarPrefixedFieldName: 52,
  CommandNotFound: 59,
  WriteConcernFailed: 64,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  UnknownReplWriteConcern: 79,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  NetworkTimeout: 89,
  ShutdownInProgress: 91,
  UnsatisfiableWriteConcern: 100,
  WriteConflict: 112,
  DocumentValidationFailure: 121,
  CommandFailed: 125,
  ReadConcernMajorityNotAvailableYet: 134,
  ViewDepthLimitExceeded: 165,
  CommandNotSupportedOnView: 166,
  OptionNotSupportedOnView: 167,
  PrimarySteppedDown: 189,
  SnapshotTooOld: 239,
  ConversionFailure: 241,
  SnapshotUnavailable: 246,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  ExceededTimeLimit: 262,
  OperationNotSupportedInTransaction: 263,
  PreparedTransactionInProgress: 267,
  SocketException: 9001,
  NotWritablePrimary: 10107,
  DuplicateKey: 11000,
  MergeStageNoMatchingDocument: 13113,
  InterruptedAtShutdown: 11600,
  Interrupted: 11601,
  InterruptedDueToReplStateChange: 11602,
  NotPrimaryNoSecondaryOk: 13435,
  NotPrimaryOrSecondary: 13436,
  ProjectionMixesInclusionExclusion: 31254,
  UnrecognizedPipelineStage: 40324,
  /** The IDL parser's "BSON field '<path>' is an unknown field." */
  UnknownBsonField: 40415,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

const NAMES_BY_CODE = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

/** MongoDB names codes without a symbolic name `Location<code>`. */
export function codeNameOf(code: number): string {
  if (
    code === ErrorCode.UnrecognizedPipelineStage ||
    code === ErrorCode.ProjectionMixesInclusionExclusion ||
    code === ErrorCode.UnknownBsonField
  ) {
    return `Location${code}`;
  }
  return NAMES_BY_CODE.get(code) ?? `Location${code}`;
}
