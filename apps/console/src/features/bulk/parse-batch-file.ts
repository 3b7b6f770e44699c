/** One row of an upload, as `POST /v1/payments` takes a payment; the API validates each row on its own. */
export type BatchRow = Readonly<Record<string, string | number>>;

/**
 * The rows of an uploaded file: a JSON array of payments, or CSV with a header line (`amount,currency,reference,
 * method[,description]`, amounts in minor units). CSV fields may be quoted ("a, b" and "" for a quote). Row
 * problems are left to the API, which reports them per row.
 */
export function parseBatchFile(name: string, text: string): BatchRow[] {
  if (name.toLowerCase().endsWith('.json')) {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed)) throw new Error('The JSON file must hold an array of payments.');
    return parsed as BatchRow[];
  }
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (header === undefined) throw new Error('The file is empty.');
  const columns = csvFields(header).map((column) => column.trim());
  return lines.map((line) => {
    const fields = csvFields(line);
    return Object.fromEntries(
      columns.map((column, index) => {
        const value = fields[index] ?? '';
        return [column, column === 'amount' && /^\d+$/.test(value) ? Number(value) : value];
      }),
    );
  });
}

function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < line.length; index += 1) {
    const char = line.charAt(index);
    if (quoted && char === '"' && line.charAt(index + 1) === '"') {
      field += '"';
      index += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}
