import { Link, Route, Switch, useRoute } from 'wouter-preact';
import { useBranding } from '../branding/branding-context';
import { CONSOLE_ROUTES } from '../routes';
import type { ConsoleRoute } from '../routing/console-route';
import { routeAccess } from '../routing/route-access';
import { useSession, useStaffUser } from '../session/session-context';
import { EmptyState } from '../ui/empty-state';
import { RouteGate, titleCase } from './route-gate';

/** The signed-in console: the brand bar, the navigation allowed to this role, and the current screen. */
export function ConsoleLayout() {
  const branding = useBranding();
  const user = useStaffUser();
  const { signOut } = useSession();
  const entries = CONSOLE_ROUTES.filter((route) => route.inNavigation && routeAccess(route, user) !== 'role');
  return (
    <div class="console">
      <a class="skip-link" href="#workspace" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="brand-bar">
        {branding.logoUrl?.startsWith('https://') === true && (
          <img class="brand-logo" src={branding.logoUrl} alt={`${branding.displayName} logo`} />
        )}
        <p class="brand-name" id="brand-name">
          {branding.displayName}
        </p>
        {branding.supportUrl !== null && (
          <a class="support-link" href={branding.supportUrl} rel="noopener noreferrer" target="_blank">
            Support
          </a>
        )}
        <p class="session-user" id="session-user">
          {user.email} ({titleCase(user.role)}, {titleCase(user.tier)} plan)
        </p>
        <a id="account-link" href="#/account">
          Password and two-factor
        </a>
        <button type="button" id="sign-out" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav class="side-nav" aria-label="Console">
        <ul>
          {entries.map((route) => (
            <NavigationEntry
              key={route.path}
              route={route}
              outsideTier={routeAccess(route, user) === 'tier'}
            />
          ))}
        </ul>
      </nav>
      <main id="workspace" tabIndex={-1}>
        <Switch>
          {CONSOLE_ROUTES.map((route) => (
            <Route key={route.path} path={route.path}>
              {(params) => <RouteGate route={route} params={params} />}
            </Route>
          ))}
          <Route>
            <EmptyState title="There is no such page.">
              <Link href="/">Back to the dashboard</Link>
            </EmptyState>
          </Route>
        </Switch>
      </main>
    </div>
  );
}

function NavigationEntry(props: { readonly route: ConsoleRoute; readonly outsideTier: boolean }) {
  const [active] = useRoute(props.route.path);
  const hintId = `nav-hint-${props.route.path.replace(/\W/g, '') || 'home'}`;
  return (
    <li>
      <Link
        href={props.route.path}
        aria-current={active ? 'page' : undefined}
        aria-describedby={props.outsideTier ? hintId : undefined}
      >
        {props.route.title}
        {props.outsideTier && (
          <span class="tier-badge" id={hintId}>
            Not in your plan
          </span>
        )}
      </Link>
    </li>
  );
}

/** The hash holds the route, so the skip link moves focus itself instead of navigating to #workspace. */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('workspace')?.focus();
}
