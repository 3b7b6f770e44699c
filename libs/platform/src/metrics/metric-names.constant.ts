/** Metric names the platform itself registers; the ones other libraries own live in their constants. */
export const HTTP_REQUEST_DURATION_METRIC = 'http_request_duration_seconds';
export const QUEUE_JOBS_METRIC = 'queue_jobs';
export const HTTP_REQUESTS_IN_FLIGHT_METRIC = 'http_requests_in_flight';
export const HTTP_REQUESTS_SHED_METRIC = 'http_requests_shed_total';
export const HTTP_ADMISSION_LIMIT_METRIC = 'http_admission_limit';
export const QUEUE_DEPTH_SCRAPE_ERRORS_METRIC = 'queue_depth_scrape_errors_total';
/** Route label of requests no route matched: their raw paths would be unbounded label values. */
export const UNMATCHED_ROUTE_LABEL = 'unmatched';
