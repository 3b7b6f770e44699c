import type { ComponentChildren } from 'preact';
import { Link, Route, Switch, useRoute } from 'wouter-preact';
import { DISPLAY_TIME_ZONE, displayLocale } from '../format/display-locale';
import { EmptyState } from './empty-state';

export interface NavigationItem {
  readonly path: string;
  readonly title: string;
  /** A screen the tenant's plan does not include: listed, marked, and it explains itself when opened. */
  readonly outsideTier?: boolean;
}

/**
 * Both consoles' signed-in frame: a skip link, the top bar (the caller's brand and session), the side navigation,
 * and the current screen among the caller's routes, or a plain "no such page" with the way back home. Under the
 * navigation it says how dates and amounts are written, since that is the tenant's choice, not the browser's.
 */
export function ConsoleFrame(props: {
  readonly bar: ComponentChildren;
  readonly navigationLabel: string;
  readonly navigation: readonly NavigationItem[];
  /** The link back from an unknown route, e.g. "Back to the dashboard". */
  readonly homeLabel: string;
  /** The screens, as wouter `<Route>`s. */
  readonly children: ComponentChildren;
}) {
  return (
    <div class="console">
      <a class="skip-link" href="#workspace" onClick={skipToMain}>
        Skip to content
      </a>
      <header class="brand-bar">{props.bar}</header>
      <nav class="side-nav" aria-label={props.navigationLabel}>
        <ul>
          {props.navigation.map((item) => (
            <NavigationEntry key={item.path} item={item} />
          ))}
        </ul>
        <p class="muted" id="display-conventions">
          Dates and amounts in {displayLocale()}; times and days in {DISPLAY_TIME_ZONE}.
        </p>
      </nav>
      <main id="workspace" tabIndex={-1}>
        <Switch>
          {props.children}
          <Route>
            <EmptyState title="There is no such page.">
              <Link href="/">{props.homeLabel}</Link>
            </EmptyState>
          </Route>
        </Switch>
      </main>
    </div>
  );
}

function NavigationEntry({ item }: { readonly item: NavigationItem }) {
  const [active] = useRoute(item.path);
  const hintId = `nav-hint-${item.path.replace(/\W/g, '') || 'home'}`;
  return (
    <li>
      <Link
        href={item.path}
        aria-current={active ? 'page' : undefined}
        aria-describedby={item.outsideTier === true ? hintId : undefined}
      >
        {item.title}
        {item.outsideTier === true && (
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
