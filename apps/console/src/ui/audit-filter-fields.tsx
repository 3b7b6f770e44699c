/**
 * The audit search fields both consoles share (action, outcome, actor, days), inside the caller's form: the
 * names are the audit search's query parameters, which the tenant's and the platform's routes both take; the days
 * are UTC days in both (`auditFilterFromForm`), as the labels say.
 */
export function AuditFilterFields(props: { readonly actionExample: string }) {
  return (
    <>
      <label>
        Action
        <input name="action" placeholder={props.actionExample} autocomplete="off" />
      </label>
      <label>
        Outcome
        <select name="outcome" defaultValue="">
          <option value="">Any</option>
          <option value="success">Success</option>
          <option value="failure">Failure</option>
          <option value="denied">Denied</option>
        </select>
      </label>
      <label>
        Actor id
        <input name="actor_id" maxLength={100} autocomplete="off" />
      </label>
      <label>
        From (UTC day)
        <input name="from" type="date" />
      </label>
      <label>
        To (UTC day, included)
        <input name="to" type="date" />
      </label>
    </>
  );
}
