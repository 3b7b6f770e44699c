/** The validated, typed configuration every part of the platform receives by injection. */
export interface AppConfig {
  readonly env: 'development' | 'test' | 'production';
  readonly http: {
    readonly host: string;
    readonly port: number;
    /** Largest accepted request body; larger bodies are refused with 413 before they are parsed. */
    readonly bodyLimitBytes: number;
  };
  readonly mongodb: { readonly uri: string };
  readonly redis: { readonly url: string };
  readonly log: { readonly level: LogLevel };
  /** How long shutdown may wait for in-flight work (requests, active jobs) before closing anyway. */
  readonly shutdownGraceMs: number;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
