import { Link, Route, Switch, useRoute } from 'wouter-preact';
import { EmptyState } from '../../ui/empty-state';
import { PLATFORM_ROUTES } from '../platform-routes';
import type { PlatformRoute } from '../platform-route';
import { useOperator, usePlatformSession } from '../session/platform-session-context';
import { AuditedViewBanner } from '../ui/audited-view-banner';

/** The signed-in platform console: the platform bar, the navigation, and the current screen. */
export function PlatformLayout() {
  const operator = useOperator();
  const { signOut } = usePlatformSession();
  return (
    <div class="console">
      <a class="skip-link" href="#workspace" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="brand-bar">
        <p class="brand-name" id="brand-name">
          Tenantpay platform
        </p>
        <p class="session-user" id="session-user">
          {operator.email} (platform operator)
        </p>
        <button type="button" id="sign-out" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav class="side-nav" aria-label="Platform console">
        <ul>
          {PLATFORM_ROUTES.filter((route) => route.inNavigation).map((route) => (
            <NavigationEntry key={route.path} route={route} />
          ))}
        </ul>
      </nav>
      <main id="workspace" tabIndex={-1}>
        <Switch>
          {PLATFORM_ROUTES.map((route) => (
            <Route key={route.path} path={route.path}>
              {(params) => {
                const Page = route.page;
                return (
                  <>
                    {route.crossTenant && <AuditedViewBanner />}
                    <Page params={params} />
                  </>
                );
              }}
            </Route>
          ))}
          <Route>
            <EmptyState title="There is no such page.">
              <Link href="/">Back to the tenants</Link>
            </EmptyState>
          </Route>
        </Switch>
      </main>
    </div>
  );
}

function NavigationEntry({ route }: { readonly route: PlatformRoute }) {
  const [active] = useRoute(route.path);
  return (
    <li>
      <Link href={route.path} aria-current={active ? 'page' : undefined}>
        {route.title}
      </Link>
    </li>
  );
}

/** The hash holds the route, so the skip link moves focus itself instead of navigating to #workspace. */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById('workspace')?.focus();
}
