/**
 * Headlines may mark one phrase for keyword insertion with double brackets:
 * `Supplier due diligence for [[German manufacturers]]`. The page shows the authored phrase;
 * an allow-listed URL parameter may replace it, as text only, in the browser.
 */
export interface Headline {
  /** The headline as a reader sees it without keyword insertion. */
  text: string;
  before: string;
  /** The authored phrase a keyword may replace; absent when the headline marks none. */
  keyword?: string;
  after: string;
}

const MARKER = /\[\[([^[\]]+)\]\]/;

export function parseHeadline(source: string): Headline {
  const match = MARKER.exec(source);
  if (!match) return { text: source, before: source, after: '' };
  const before = source.slice(0, match.index);
  const after = source.slice(match.index + match[0].length);
  return { text: `${before}${match[1]}${after}`, before, keyword: match[1], after };
}

/** Why a headline's markers cannot be read, or undefined when they can. */
export function headlineMarkerProblem(source: string): string | undefined {
  const opens = source.split('[[').length - 1;
  const closes = source.split(']]').length - 1;
  if (opens === 0 && closes === 0) return undefined;
  if (opens !== closes || !MARKER.test(source)) return 'the [[…]] marker for keyword insertion is not closed or is empty';
  if (opens > 1) return 'only one phrase can be marked with [[…]] for keyword insertion';
  return undefined;
}

export function headlineText(source: string): string {
  return parseHeadline(source).text;
}
