/** Path segments longer than this are taken for ids, whatever their characters. */
const LONGEST_NAME_SEGMENT = 24;
/** Numbers, and segments of eight characters or more with a digit (object ids, UUIDs); not `v1`. */
const ID_SEGMENT = /^\d+$|^(?=.*\d).{8,}$/;

/**
 * The latency class of an answered request: its method, the shape of its path (segments that look like ids are
 * replaced by `:`) and its status. Requests of one class cost about the
 * same when the instance is idle, so their slowdown is comparable; a fast 401 must not be mistaken for an
 * unloaded payment creation, hence the status.
 */
export function latencyClassOf(method: string | undefined, url: string | undefined, status: number): string {
  const path = url ?? '';
  const queryStart = path.indexOf('?');
  const shape = (queryStart === -1 ? path : path.slice(0, queryStart))
    .split('/')
    .map((segment) => (segment.length > LONGEST_NAME_SEGMENT || ID_SEGMENT.test(segment) ? ':' : segment))
    .join('/');
  return `${method ?? ''} ${shape} ${status}`;
}
