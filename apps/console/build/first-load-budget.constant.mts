/** Issue 18: a first visit loads at most 200 kB of gzipped JavaScript. */
export const FIRST_LOAD_BUDGET_GZIP_BYTES = 200 * 1024;
