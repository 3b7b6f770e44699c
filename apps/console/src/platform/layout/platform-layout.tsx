import { Route } from 'wouter-preact';
import { ConsoleFrame } from '../../ui/console-frame';
import { PLATFORM_ROUTES } from '../platform-routes';
import { useOperator, usePlatformSession } from '../session/platform-session-context';
import { AuditedViewBanner } from '../ui/audited-view-banner';

/** The signed-in platform console: the platform bar, the navigation, and the current screen. */
export function PlatformLayout() {
  const operator = useOperator();
  const { signOut } = usePlatformSession();
  return (
    <ConsoleFrame
      navigationLabel="Platform console"
      homeLabel="Back to the tenants"
      navigation={PLATFORM_ROUTES.filter((route) => route.inNavigation)}
      bar={
        <>
          <p class="brand-name" id="brand-name">
            Tenantpay platform
          </p>
          <p class="session-user" id="session-user">
            {operator.email} (platform operator)
          </p>
          <button type="button" id="sign-out" onClick={() => void signOut()}>
            Sign out
          </button>
        </>
      }
    >
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
    </ConsoleFrame>
  );
}
