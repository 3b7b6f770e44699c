import type { ComponentChildren } from 'preact';

/** Nothing to show yet, said plainly, with what to do about it when there is something. */
export function EmptyState(props: { readonly title: string; readonly children?: ComponentChildren }) {
  return (
    <div class="empty-state">
      <p class="empty-state-title">{props.title}</p>
      {props.children}
    </div>
  );
}
