/** The readiness details entry listing each dedicated placement. */
export const PLACEMENT_HEALTH_KEY = 'placements';

/** How a placement that is configured but has no open connection reads in the readiness details. */
export const PLACEMENT_NOT_OPENED = 'not_opened';
