/** Injection token of the port {@link MetricsServer} listens on (each application names its own setting). */
export const METRICS_SERVER_PORT = Symbol('METRICS_SERVER_PORT');
