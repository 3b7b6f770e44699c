/**
 * A failure shown where the work was: what went wrong, and the API's code and the request id support asks for
 * when there are ones.
 */
export function ErrorState(props: {
  readonly message: string;
  readonly code?: string | null;
  readonly requestId?: string | null;
  readonly id?: string;
}) {
  return (
    <div class="error-state" role="alert" id={props.id} data-code={props.code ?? undefined}>
      <p>{props.message}</p>
      {props.requestId != null && (
        <p class="muted">
          Code: {props.code} · Reference: {props.requestId}
        </p>
      )}
    </div>
  );
}
