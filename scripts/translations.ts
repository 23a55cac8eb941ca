/**
 * `npm run translations`: the state of every translation, per locale and file: ok, missing (needed
 * by a published page or not), stale or never stamped. Exit code 1 when a published page misses one.
 * `npm run translations -- --stamp <file…>`: after review, writes `translationOf` (the hash of the
 * original's text as it is now) into each translation file.
 * Exit codes: 0 fine, 1 a published page misses a translation or a file cannot be stamped, 2 wrong usage.
 */
import { formatProblemsText } from '../src/lib/docs-links.ts';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { translationStatus, type TranslationStatus } from '../src/lib/check/translations.ts';
import { hasErrors, plural } from '../src/lib/diagnostics.ts';
import { languageName, localesOf } from '../src/lib/i18n/locales.ts';
import { hasBody, withStamp } from '../src/lib/i18n/translations.ts';
import { readContentFiles } from '../src/lib/load/files.ts';
import { parseProject } from '../src/lib/load/project.ts';
import { splitTranslationName } from '../src/lib/load/translations.ts';
import { textTable } from '../src/lib/text-table.ts';
import { failure, usageError } from './cli.ts';
import { buildEnvironmentOrExit } from './environment.ts';

const usage = 'Usage: npm run translations -- [--stamp <translation file>…]';
let values: { stamp?: boolean; help?: boolean };
let files: string[];
try {
  const parsed = parseArgs({ options: { stamp: { type: 'boolean' }, help: { type: 'boolean' } }, allowPositionals: true });
  values = parsed.values;
  files = parsed.positionals;
} catch (error) {
  process.exit(usageError('translations', (error as Error).message, usage));
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (values.stamp && files.length === 0) process.exit(usageError('translations', '--stamp needs the translation files to stamp', usage));
if (!values.stamp && files.length > 0) process.exit(usageError('translations', `unexpected argument "${files[0]}"`, usage));

const env = buildEnvironmentOrExit();
const loaded = parseProject(await readContentFiles(env.contentRoot));
const project = loaded.project;
if (!project.site) {
  console.error(formatProblemsText(loaded.diagnostics));
  process.exit(failure('translations', 'content/site.yaml could not be read', 'Fix the problems above (npm run check lists them all).'));
}
const locales = localesOf(project.site.data);

process.exitCode = values.stamp ? await stamp(files) : status();

function status(): number {
  if (locales.all.length === 1) {
    console.log(`content/site.yaml lists no locales: the site is in ${languageName(locales.default)} only. Add locales: [de] (for one) to publish translations.`);
    return 0;
  }
  const translationProblems = loaded.diagnostics.filter((d) => d.severity === 'error' && splitTranslationName(d.file));
  if (translationProblems.length) console.error(`${formatProblemsText(translationProblems)}\nThese translation files have problems and are counted as missing until they are fixed.\n`);
  const rows = translationStatus(project, env);
  const blocking = rows.filter((r) => r.state === 'missing' && r.neededBy);
  for (const locale of locales.all.slice(1)) {
    const mine = rows.filter((r) => r.locale === locale);
    console.log(`${languageName(locale)} (${locale})`);
    console.log(
      textTable(
        [
          { title: 'translation', align: 'left' },
          { title: 'state', align: 'left' },
          { title: 'needed by', align: 'left' },
        ],
        mine.map((r) => [r.translation, stateText(r), r.neededBy ?? 'no published page']),
      ),
    );
    console.log('');
  }
  const count = (state: TranslationStatus['state']) => rows.filter((r) => r.state === state).length;
  console.log(`${plural(count('ok'), 'translation')} ok, ${count('missing')} missing (${blocking.length} needed by a published page), ${count('stale')} stale, ${count('never stamped')} never stamped.`);
  if (blocking.length) {
    console.log(`A published page misses a translation: write ${blocking.map((r) => r.translation).join(', ')} (npm run check names each page and field).`);
    return 1;
  }
  return 0;
}

function stateText(row: TranslationStatus): string {
  if (row.state !== 'missing' || row.missingFields.length === 0) return row.state;
  const shown = row.missingFields.slice(0, 3).join(', ');
  return `missing ${shown}${row.missingFields.length > 3 ? ` and ${row.missingFields.length - 3} more` : ''}`;
}

async function stamp(paths: string[]): Promise<number> {
  let code = 0;
  const byFile = new Map(project.translations.map((t) => [t.file, t]));
  for (const path of paths) {
    // A path is read relative to the content root first (as the check names files), else to the working folder.
    const asGiven = path.split(sep).join('/').replace(/^\.\//, '');
    const file = !isAbsolute(path) && existsSync(join(env.contentRoot, asGiven)) ? asGiven : relative(env.contentRoot, isAbsolute(path) ? path : join(process.cwd(), path)).split(sep).join('/');
    const t = byFile.get(file);
    if (!t) {
      const problems = loaded.diagnostics.filter((d) => d.file === file);
      if (problems.length && splitTranslationName(file)) {
        console.error(formatProblemsText(problems));
        code = failure('translations', `${file} was not stamped: it has the problems above`, 'Fix them, then stamp it again.');
      } else if (!existsSync(join(env.contentRoot, ...file.split('/')))) {
        code = failure('translations', `${file.startsWith('..') ? path : file} does not exist, so it cannot be stamped`, 'Name translation files as npm run translations lists them, relative to the content folder, like content/personas/cpo.de.md.');
      } else {
        code = failure(
          'translations',
          `${file.startsWith('..') ? path : file} is not a translation, so it cannot be stamped`,
          `A translation sits beside its original with a locale before the extension, like content/personas/cpo.${locales.all[1] ?? 'de'}.md for content/personas/cpo.md, and its locale is one of locales in content/site.yaml (${locales.all.slice(1).join(', ') || 'none yet'}).`,
        );
      }
      continue;
    }
    if (t.missing.length) {
      code = failure('translations', `${file} was not stamped: it leaves out ${t.missing.map((p) => p.join('.')).join(', ')} of ${t.original}`, 'Translate every text field of the original first; a stamp says the whole translation was reviewed.');
      continue;
    }
    const full = join(env.contentRoot, ...file.split('/'));
    const text = await readFile(full, 'utf8');
    await writeFile(full, withStamp(text, t.current, hasBody(t.kind)));
    console.log(`${file}: stamped translationOf ${t.current} (the text of ${t.original} as it is now).`);
  }
  if (hasErrors(loaded.diagnostics) && code === 0) console.error('Other files have problems: npm run check lists them.');
  return code;
}
