/**
 * Rows appended under the CSV report for what the tables leave out, in the same columns so that a
 * spreadsheet or BI tool reads the file as before: `level` says what the row is, `note` says it in
 * words, the other cells stay empty.
 */
import { csvField } from '../csv.ts';
import type { ConversionReport } from './aggregate.ts';
import { unknownSummary } from './format.ts';
import { CSV_COLUMNS } from './render-csv.ts';

/** An `unknown_pages` row when events of unknown pages were left out (its events are neither visits nor leads, so only `note` says how many). */
export function renderCsvFooter(report: ConversionReport): string {
  const summary = unknownSummary(report);
  if (!summary) return '';
  const row: Record<string, string> = { level: 'unknown_pages', note: summary };
  return CSV_COLUMNS.map((column) => csvField(row[column] ?? '')).join(',') + '\r\n';
}
