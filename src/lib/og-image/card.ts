import type { PageView } from '../compose/types.ts';

/** Size of an Open Graph image: the 1.91:1 card LinkedIn, Slack and ad platforms show. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** What one page's image shows: the site's name, the headline and who the page is for. */
export interface OgCard {
  siteName: string;
  headline: string;
  /** "Segment · Persona" on landing pages; the segment or a short description elsewhere. */
  context?: string;
}

/** Colours of the site, as in src/styles/site.css (`--ink`, `--muted`, `--accent`, `--accent-ink`, `--tag`). */
export const OG_THEME = {
  ink: '#1b1f24',
  muted: '#4a5563',
  accent: '#0b5cad',
  accentInk: '#ffffff',
  tag: '#e3efff',
  background: '#ffffff',
} as const;

/** Longest texts that fit the layout at its type sizes; longer ones end in an ellipsis. */
export const OG_LIMITS = { siteName: 40, headline: 110, context: 80 } as const;

/** The family name the element tree asks for; the renderer registers the font files under it. */
export const OG_FONT_FAMILY = 'Inter';

/** An element as satori reads it: React's shape without React. */
export interface OgElement {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | OgElement | (string | OgElement)[] };
}

/** The card of a page, or undefined for pages without an Open Graph image (see PageMeta.image). */
export function ogCardOf(view: PageView): OgCard | undefined {
  if (!view.meta.image) return undefined;
  const siteName = view.meta.siteName;
  switch (view.kind) {
    case 'home':
      return { siteName, headline: view.offer.headline };
    case 'overview':
      return { siteName, headline: view.chrome.ui.overview.segmentsHeading, context: view.segments.map((s) => s.name).join(' · ') || undefined };
    case 'segment':
      return { siteName, headline: view.segment.name, context: view.segment.vertical.name };
    case 'faq':
      return { siteName, headline: view.chrome.ui.faqPage.heading, context: view.segment.name };
    case 'landing':
      return { siteName, headline: view.meta.socialTitle, context: `${view.segment.name} · ${view.persona.name}` };
    case 'preview':
      return undefined;
  }
}

/** Cuts `text` to at most `max` characters, at a word boundary where one is near, ending in "…". */
export function truncate(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  if (chars.length <= max) return chars.join('');
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  const head = space >= max * 0.6 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * The image as an element tree: a coloured band with the site's name, the headline large, and the
 * segment · persona line. Text is passed as data (satori lays it out, it parses no markup), so
 * nothing needs escaping. Long headlines step down a size so that they keep to three lines.
 */
export function composeOgElement(card: OgCard): OgElement {
  const headline = truncate(card.headline, OG_LIMITS.headline);
  const headlineSize = headline.length > 70 ? 54 : 64;
  const children: OgElement[] = [
    {
      type: 'div',
      props: {
        style: { display: 'flex', alignItems: 'center', height: 120, padding: '0 72px', background: OG_THEME.accent, color: OG_THEME.accentInk, fontSize: 36, fontWeight: 700 },
        children: truncate(card.siteName, OG_LIMITS.siteName),
      },
    },
    {
      type: 'div',
      props: {
        style: { display: 'flex', flexGrow: 1, alignItems: 'center', padding: '0 72px', color: OG_THEME.ink, fontSize: headlineSize, fontWeight: 700, lineHeight: 1.15 },
        children: headline,
      },
    },
  ];
  if (card.context) {
    children.push({
      type: 'div',
      props: {
        style: { display: 'flex', alignItems: 'center', height: 110, padding: '0 72px', background: OG_THEME.tag, color: OG_THEME.muted, fontSize: 32, fontWeight: 400 },
        children: truncate(card.context, OG_LIMITS.context),
      },
    });
  }
  return {
    type: 'div',
    props: {
      style: { display: 'flex', flexDirection: 'column', width: OG_WIDTH, height: OG_HEIGHT, background: OG_THEME.background, fontFamily: OG_FONT_FAMILY },
      children,
    },
  };
}
