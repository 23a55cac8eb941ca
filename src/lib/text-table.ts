/** Aligned plain-text tables for the command-line tools. */

export type Align = 'left' | 'right';

/** Columns padded to their widest cell, a rule under the titles and, with `total`, above the last row. */
export function textTable(columns: readonly { title: string; align: Align }[], rows: readonly string[][], options: { total?: boolean } = {}): string {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const body = rows.map(line);
  return (options.total ? [line(columns.map((c) => c.title)), rule, ...body.slice(0, -1), rule, ...body.slice(-1)] : [line(columns.map((c) => c.title)), rule, ...body]).join('\n');
}
