/** Injection token of the process's one pino logger, which every line (Nest's and the request log's) goes to. */
export const ROOT_LOGGER = Symbol('ROOT_LOGGER');
