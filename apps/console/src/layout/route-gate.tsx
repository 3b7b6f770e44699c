import type { ConsoleRoute } from '../routing/console-route';
import { routeAccess } from '../routing/route-access';
import { useStaffUser } from '../session/session-context';

/** Renders a screen, or says why this user cannot use it (their role, or the tenant's tier). */
export function RouteGate(props: {
  readonly route: ConsoleRoute;
  readonly params: Readonly<Record<string, string | undefined>>;
}) {
  const user = useStaffUser();
  const access = routeAccess(props.route, user);
  const Page = props.route.page;
  if (access === 'open') return <Page params={props.params} />;
  return (
    <section class="card notice" aria-labelledby="gate-title">
      <h1 id="gate-title">{props.route.title}</h1>
      {access === 'tier' ? (
        <p>{props.route.outsideTier ?? `Not included in the ${titleCase(user.tier)} plan.`}</p>
      ) : (
        <p>
          Your role ({titleCase(user.role)}) cannot open this page. An administrator of your organisation can
          change your role.
        </p>
      )}
    </section>
  );
}

export function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}
