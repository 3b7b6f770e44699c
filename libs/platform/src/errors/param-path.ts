/**
 * The JSON path of a field as a client writes it (`rows[3].amount`), from the dotted path validation reports
 * (`rows.3.amount`): an all-digit segment is an array index. DTO properties are never all digits, and
 * free-form maps are not validated key by key, so the two cannot be confused.
 */
export function toParamPath(field: string): string {
  return field
    .split('.')
    .reduce(
      (path, segment) =>
        /^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`,
      '',
    );
}
