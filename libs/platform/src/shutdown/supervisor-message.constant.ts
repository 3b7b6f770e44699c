/** What the API sends a supervisor (`npm start`) over IPC once its server listens: the port is its own. */
export const API_LISTENING_MESSAGE = 'api-listening';
