/**
 * A secret the API shows this once (an API key, a webhook signing secret): selectable text and a plain warning,
 * because nothing can show it again.
 */
export function SecretOnce(props: {
  readonly label: string;
  readonly secret: string;
  readonly onDone: () => void;
}) {
  return (
    <div class="secret-once" role="status">
      <p>
        <strong>{props.label}</strong> — copy it now: it is shown only this once.
      </p>
      <code class="secret-value">{props.secret}</code>
      <p>
        <button type="button" onClick={props.onDone}>
          I have stored it
        </button>
      </p>
    </div>
  );
}
