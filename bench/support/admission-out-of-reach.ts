/**
 * Environment for benches that measure something other than admission control (the chain's cost, throughput,
 * fault recovery): their deliberate concurrency must not be shed. `bench/overload` measures admission itself.
 */
export const ADMISSION_OUT_OF_REACH = {
  ADMISSION_MAX_IN_FLIGHT: '100000',
  // Not adaptive either: the latency these benches cause on purpose must not bring the limit down.
  ADMISSION_MIN_IN_FLIGHT: '100000',
  ADMISSION_MAX_IN_FLIGHT_PER_TENANT: '100000',
  // The most allowed: on a machine shared with other work, CPU starvation alone lags the loop past the default.
  ADMISSION_MAX_EVENT_LOOP_DELAY_MS: '10000',
} as const;
