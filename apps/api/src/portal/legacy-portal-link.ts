/**
 * Where an old `/portal/<page>.html` link of a tenant's email now opens: the staff console's route for it, the
 * link's query (its single-use token) kept ahead of the hash as the new emails put it. Platform operators'
 * links (`audience=platform`) are not redirected here: their pages stay until the platform console serves them.
 * Undefined for a name that is not an old page.
 */
export function consoleRouteOfPortalPage(page: string, query: URLSearchParams): string | undefined {
  const route = PORTAL_PAGE_ROUTES.get(page);
  if (route === undefined || query.get('audience') === 'platform') return undefined;
  const search = query.toString();
  return `/${search === '' ? '' : `?${search}`}#${route}`;
}

// A Map: a page name comes from the URL, and a plain object would answer `constructor` too.
const PORTAL_PAGE_ROUTES: ReadonlyMap<string, string> = new Map([
  ['accept-invitation.html', '/accept-invitation'],
  ['reset-password.html', '/reset-password'],
  // The signed-in pages the console's account screen replaced.
  ['change-password.html', '/account'],
  ['two-factor.html', '/account'],
]);
