/** MongoDB server error codes the emulator returns, with the codeName drivers expect beside them. */
export const ErrorCode = {
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  ConversionFailure: 241,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  DuplicateKey: 11000,
  ProjectionMixesInclusionExclusion: 31254,
  UnrecognizedPipelineStage: 40324,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

const NAMES_BY_CODE = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

/** MongoDB names codes without a symbolic name `Location<code>`. */
export function codeNameOf(code: number): string {
  if (code === ErrorCode.UnrecognizedPipelineStage || code === ErrorCode.ProjectionMixesInclusionExclusion) {
    return `Location${code}`;
  }
  return NAMES_BY_CODE.get(code) ?? `Location${code}`;
}
