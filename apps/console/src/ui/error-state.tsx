/** A failure shown where the work was: what went wrong, and the request id support asks for when there is one. */
export function ErrorState(props: { readonly message: string; readonly requestId?: string | null }) {
  return (
    <div class="error-state" role="alert">
      <p>{props.message}</p>
      {props.requestId != null && <p class="muted">Reference: {props.requestId}</p>}
    </div>
  );
}
