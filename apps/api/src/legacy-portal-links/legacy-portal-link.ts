/**
 * Where an old `/portal/<page>.html` link (from an email already sent, or a bookmark) now opens.
 * - A tenant's: the staff console's route on the same host, the link's query (its single-use token) kept ahead
 *   of the hash as the new emails put it.
 * - A platform operator's (`audience=platform`): the platform console's email-link page on the platform's host
 *   (`admin.{BASE_DOMAIN}`), with the query but the marker, which the new links no longer need. The caller
 *   makes it an absolute URL: the old link may have been followed on any host.
 * Undefined for a name that is not an old page of that audience.
 */
export type LegacyPortalLinkTarget =
  | { readonly host: 'same'; readonly location: string }
  | { readonly host: 'platform'; readonly path: string; readonly query: Readonly<Record<string, string>> };

export function targetOfPortalPage(page: string, query: URLSearchParams): LegacyPortalLinkTarget | undefined {
  if (query.get(AUDIENCE_PARAMETER) === PLATFORM_AUDIENCE) {
    const path = PLATFORM_PAGE_PATHS.get(page);
    if (path === undefined) return undefined;
    const rest = new URLSearchParams(query);
    rest.delete(AUDIENCE_PARAMETER);
    return { host: 'platform', path, query: Object.fromEntries(rest) };
  }
  const route = TENANT_PAGE_ROUTES.get(page);
  if (route === undefined) return undefined;
  const search = query.toString();
  return { host: 'same', location: `/${search === '' ? '' : `?${search}`}#${route}` };
}

/** The old portal's marker of an operator's link (its pages then called the platform's API). */
const AUDIENCE_PARAMETER = 'audience';
const PLATFORM_AUDIENCE = 'platform';

// Maps: a page name comes from the URL, and a plain object would answer `constructor` too.
const TENANT_PAGE_ROUTES: ReadonlyMap<string, string> = new Map([
  ['accept-invitation.html', '/accept-invitation'],
  ['reset-password.html', '/reset-password'],
  // The signed-in pages the console's account screen replaced.
  ['change-password.html', '/account'],
  ['two-factor.html', '/account'],
]);

/** Real paths on the platform host (console.constant.ts PLATFORM_EMAIL_LINK_PATHS), not hash routes. */
const PLATFORM_PAGE_PATHS: ReadonlyMap<string, string> = new Map([
  ['accept-invitation.html', '/accept-invitation'],
  ['reset-password.html', '/reset-password'],
]);
