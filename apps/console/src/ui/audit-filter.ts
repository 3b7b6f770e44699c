import { formValue } from './form-value';

/** The start of a chosen day, or of the day after it (so the whole last day counts), in UTC like the API's days. */
function utcDayBound(day: string, end: boolean): string {
  if (day === '') return '';
  const start = Date.parse(`${day}T00:00:00Z`);
  return new Date(end ? start + 86_400_000 : start).toISOString();
}

/**
 * The audit search's query from a form holding `AuditFilterFields` (and any of the caller's own fields, such as
 * the platform's `tenant_id`): what was typed, trimmed, empty fields left out, days as UTC bounds. Unchecked: the
 * API answers a 400 naming an unknown action.
 */
export function auditFilterFromForm(
  form: HTMLFormElement,
  ownFields: readonly string[] = [],
): Record<string, string> {
  const fields: Record<string, string> = {
    action: formValue(form, 'action').trim(),
    outcome: formValue(form, 'outcome'),
    actor_id: formValue(form, 'actor_id').trim(),
    from: utcDayBound(formValue(form, 'from'), false),
    to: utcDayBound(formValue(form, 'to'), true),
    ...Object.fromEntries(ownFields.map((name) => [name, formValue(form, name).trim()])),
  };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== ''));
}
