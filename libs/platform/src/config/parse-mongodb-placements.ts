/** The placement every tenant starts on: the database of MONGODB_URI. Reserved as a dedicated cluster name. */
export const SHARED_PLACEMENT = 'shared';

/** DNS-label-like, so a name reads the same in a URL, a log line, a metric label and a hostname. */
const PLACEMENT_NAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const MONGODB_URI = /^mongodb(\+srv)?:\/\/\S+$/;

export interface ParsedPlacements {
  readonly placements: Readonly<Record<string, string>>;
  readonly problems: readonly string[];
}

/**
 * MONGODB_PLACEMENTS: a JSON object of dedicated clusters, `{ "<name>": "<mongodb uri>" }`. Every problem is
 * reported at once, naming the placement but never echoing a URI (it carries credentials).
 */
export function parseMongodbPlacements(raw: string | undefined): ParsedPlacements {
  if (raw === undefined) return { placements: Object.freeze({}), problems: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      placements: {},
      problems: ['MONGODB_PLACEMENTS must be a JSON object { "<name>": "<mongodb uri>" }'],
    };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return {
      placements: {},
      problems: ['MONGODB_PLACEMENTS must be a JSON object { "<name>": "<mongodb uri>" }'],
    };
  }
  const problems: string[] = [];
  const placements: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, uri] of Object.entries(parsed)) {
    if (name === SHARED_PLACEMENT) {
      problems.push(`MONGODB_PLACEMENTS may not name "${SHARED_PLACEMENT}": it is MONGODB_URI's database`);
    } else if (!PLACEMENT_NAME.test(name)) {
      problems.push(
        `MONGODB_PLACEMENTS name ${JSON.stringify(name.slice(0, 70))} must be a DNS label (a-z, 0-9, "-", at most 63 characters)`,
      );
    } else if (typeof uri !== 'string' || !MONGODB_URI.test(uri)) {
      problems.push(`MONGODB_PLACEMENTS "${name}" must be a mongodb:// or mongodb+srv:// connection string`);
    } else {
      placements[name] = uri;
    }
  }
  return { placements: Object.freeze(placements), problems };
}
