import { languageName } from '../i18n/locales.ts';
import { pageMeta, pageTracking, type ComposeContext } from './context.ts';
import type { LocaleChoiceView } from './types.ts';

/** "Deutsch", "English": a locale named in its own language, as a visitor looking for it reads it. */
function ownName(locale: string): string {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? languageName(locale);
    return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
  } catch {
    return languageName(locale);
  }
}

/**
 * The page at `/` when every locale lives under its prefix: one link per locale to its home page.
 * `homes` are the locales that have pages, with their home page's path (like `/de/`).
 */
export function composeLocaleChoice(ctx: ComposeContext, homes: readonly { locale: string; path: string }[]): LocaleChoiceView {
  const base = ctx.site.basePath.replace(/\/$/, '');
  const origin = ctx.site.url.replace(/\/+$/, '');
  // This one page belongs to no locale's prefix: it is / itself.
  const unprefixed: ComposeContext = { ...ctx, localePrefix: '', href: (path) => `${base}${path}`, absolute: (path) => `${origin}${base}${path}` };
  return {
    kind: 'locale-choice',
    meta: pageMeta(unprefixed, '/', { title: ctx.site.name, description: ctx.site.description }),
    tracking: pageTracking(ctx, 'home'),
    chrome: ctx.chrome,
    locales: homes.map((h) => ({ locale: h.locale, label: ownName(h.locale), href: `${base}${h.path}` })),
  };
}
