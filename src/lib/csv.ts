/** RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled, lines end in CRLF. */
export function toCsv<T extends object>(columns: readonly (keyof T & string)[], rows: readonly T[]): string {
  const line = (values: unknown[]) => values.map(csvField).join(',');
  return [line([...columns]), ...rows.map((row) => line(columns.map((c) => row[c])))].join('\r\n') + '\r\n';
}

export function csvField(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
