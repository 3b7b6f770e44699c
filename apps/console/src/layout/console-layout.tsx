import { Route } from 'wouter-preact';
import { useBranding } from '../branding/branding-context';
import { CONSOLE_ROUTES } from '../routes';
import { routeAccess } from '../routing/route-access';
import { useSession, useStaffUser } from '../session/session-context';
import { ConsoleFrame } from '../ui/console-frame';
import { RouteGate, titleCase } from './route-gate';

/** The signed-in console: the brand bar, the navigation allowed to this role, and the current screen. */
export function ConsoleLayout() {
  const branding = useBranding();
  const user = useStaffUser();
  const { signOut } = useSession();
  return (
    <ConsoleFrame
      navigationLabel="Console"
      homeLabel="Back to the dashboard"
      navigation={CONSOLE_ROUTES.filter(
        (route) => route.inNavigation && routeAccess(route, user) !== 'role',
      ).map((route) => ({
        path: route.path,
        title: route.title,
        outsideTier: routeAccess(route, user) === 'tier',
      }))}
      bar={
        <>
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
        </>
      }
    >
      {CONSOLE_ROUTES.map((route) => (
        <Route key={route.path} path={route.path}>
          {(params) => <RouteGate route={route} params={params} />}
        </Route>
      ))}
    </ConsoleFrame>
  );
}
