/**
 * Cells that open as formulas in Excel, LibreOffice or Google Sheets when written as they are, for the
 * tests of every CSV output. Each output must give them back, read by a real CSV parser, as text: an
 * apostrophe, then the cell as it was (control characters other than tab, CR and LF as their control
 * pictures, NUL as ␀).
 */
export const FORMULA_CELLS = [
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
  '\n=1+1',
  '\u0000=1+1',
  ' =1+1',
  '\u00a0\u3000@SUM(1)',
  '\u000b=1+1',
  '＝1+1',
  '＋1+1',
  '－1+1',
  '＠SUM(1)',
] as const;

/** Cells that must be written exactly as they are. */
export const SAFE_CELLS = ['Acme, Inc.', 'say "hi"', 'two\r\nlines', 'a=b', 'x-1', '1+1', "it's", 'Zürich 株式会社'] as const;

/** What a defused cell reads back as. */
export function defused(cell: string): string {
  return `'${cell.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))}`;
}
