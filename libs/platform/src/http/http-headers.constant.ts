/** Header names the platform reads or writes, in one place. */
export const REQUEST_ID_HEADER = 'X-Request-Id';
