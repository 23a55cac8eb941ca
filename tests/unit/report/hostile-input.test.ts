/**
 * The report's input arrives from a public collection URL: each case here is an export someone could
 * write, run through the real command, with the message a user sees pinned.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

/** The content the event fixtures were made for: segment small-finance, personas cfo and controller. */
const CONTENT = join(FIXTURES, 'events', 'content');
const TIMEOUT = 120_000;

/**
 * Writes `files` into a new folder and runs the report there on `file` (so messages name it as
 * given), with the fixture content unless `args` or `env` say otherwise.
 */
function report(files: Record<string, string | Uint8Array>, file: string, args: string[] = ['--content', CONTENT], env: Record<string, string> = {}, nodeArgs: string[] = []) {
  const dir = mkdtempSync(join(tmpdir(), 'report-hostile-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  const result = spawnSync(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'scripts', 'report.ts'), file, '--out', 'out', ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: '', CONTENT_ROOT: '', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout: TIMEOUT,
  });
  const out = join(dir, 'out');
  const read = (name: string) => (existsSync(join(out, name)) ? readFileSync(join(out, name), 'utf8') : undefined);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, written: existsSync(out), csv: read('conversion-report.csv'), html: read('conversion-report.html'), dir };
}

const event = (fields: Record<string, string | null>) => JSON.stringify({ event: 'page_view', page_type: 'landing', segment: 'small-finance', persona: 'cfo', visit_id: 'v1', ...fields });
/** Real traffic on the fixture's two pages: 60 visits, 9 leads. */
const REAL = Array.from({ length: 60 }, (_, i) => {
  const page = { persona: i % 2 ? 'cfo' : 'controller', visit_id: `r${i}` };
  return i % 7 === 0 ? `${event(page)}\n${event({ ...page, event: 'generate_lead' })}\n` : `${event(page)}\n`;
}).join('');
const invented = (n: number) => Array.from({ length: n }, (_, i) => `${event({ segment: `seg-${i}`, persona: `p-${i}`, visit_id: `u${i}` })}\n`).join('');

/** C0 (but tab, line feed and carriage return), DEL, C1 and bidi controls: none may reach an output. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('invented segment and persona ids', () => {
  it('are counted in one line, never as rows: 20,000 of them change no row and hardly a byte', () => {
    const few = report({ 'events.ndjson': REAL + invented(3) }, 'events.ndjson');
    const many = report({ 'events.ndjson': REAL + invented(20_000) }, 'events.ndjson');
    expect([few.status, many.status]).toEqual([0, 0]);
    const unknownLine = (n: string) =>
      `Unknown pages: ${n} landing page views and leads name a segment and persona the content does not define, not counted (segment / persona): line 70: "seg-0" / "p-0"; line 71: "seg-1" / "p-1"; line 72: "seg-2" / "p-2"`;
    expect(few.stdout).toContain(`${unknownLine('3')}.\n`);
    expect(many.stdout).toContain(`${unknownLine('20,000')} (and 19,997 more).\n`);
    expect(many.stdout).toContain('60 visits and 9 leads on 2 landing pages of 1 segment; 20,069 events.');

    const rows = (csv: string | undefined) => csv!.trim().split('\r\n');
    expect(rows(many.csv)).toHaveLength(rows(few.csv).length);
    expect(rows(many.csv).slice(0, -1)).toEqual(rows(few.csv).slice(0, -1));
    expect(rows(many.csv).at(-1)).toBe(`unknown_pages,,,,,,,,,,,,,,,,,,"${unknownLine('20,000').replace(/"/g, '""')} (and 19,997 more).",,,,,,,,,,`);
    expect(many.stdout.split('\n')).toHaveLength(few.stdout.split('\n').length);
    expect(Math.abs(many.html!.length - few.html!.length)).toBeLessThan(40);
  }, TIMEOUT);
});

describe('over-long values', () => {
  const id = 'x'.repeat(2 * 1024 * 1024);

  it('a 2 MB NDJSON line is one skipped row, and nothing of it reaches an output', () => {
    const result = report({ 'events.ndjson': `${REAL}${event({ segment: id })}\n` }, 'events.ndjson');
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('1 row skipped (1 too long):\nevents.ndjson:70 warning: this line is 2 MiB long, more than the 64 KiB one event may take\n\n');
    for (const output of [result.stdout, result.csv!, result.html!]) expect(output).not.toContain('x'.repeat(100));
    expect(result.html!.length).toBeLessThan(40_000);
  }, TIMEOUT);

  it('a field over its cap is a skipped row that names the field', () => {
    const result = report({ 'events.ndjson': `${REAL}${event({ visit_id: 'v'.repeat(500) })}\n` }, 'events.ndjson');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('events.ndjson:70 warning: visit_id: 500 characters, more than the 100 allowed ("vvvvvvvvvvvvvvvvvvvv…")\n');
  }, TIMEOUT);

  it('a 2 MB CSV row stops the report with its line, and nothing is written', () => {
    const result = report({ 'events.csv': `event,page_type,segment,persona,visit_id\npage_view,landing,small-finance,cfo,v1\npage_view,landing,${id},cfo,v2\n` }, 'events.csv');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'events.csv:3 this row is longer than 65,536 characters ("page_view,landing,xxxxxxxxxxxxxxxxxxxxxx"…); the rest of the file was not read\n' +
        '    hint: Often a quote that is never closed: check the quotes on this line.\n' +
        'report: reading events.csv stopped at line 3, so no report was written: a report of part of the file would look complete\n',
    );
    expect(result.written).toBe(false);
  }, TIMEOUT);
});

describe('input that stops part-way', () => {
  it('a CSV quote never closed exits 1 with its line', () => {
    const result = report({ 'events.csv': 'event,page_type,segment,persona,visit_id\npage_view,landing,small-finance,cfo,v1\npage_view,landing,"small-finance,cfo,v2\npage_view,landing,small-finance,cfo,v3\n' }, 'events.csv');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'events.csv:3 a quoted field starts in this row and is never closed; the rest of the file was not read\n' +
        '    hint: Inside a quoted field, write a double quote as two: "".\n' +
        'report: reading events.csv stopped at line 3, so no report was written: a report of part of the file would look complete\n',
    );
    expect(result.written).toBe(false);
  }, TIMEOUT);

  it('an NDJSON file whose last line is cut off exits 1 with its line', () => {
    const result = report({ 'events.ndjson': `${event({})}\n${event({ visit_id: 'v2' }).slice(0, 40)}` }, 'events.ndjson');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'events.ndjson:2 the file ends in the middle of this line: it has no line break and is not a complete event, so the export was probably cut short\n' +
        '    hint: Export the events again, or remove the incomplete last line if the rest is all you need.\n' +
        'report: reading events.ndjson stopped at line 2, so no report was written: a report of part of the file would look complete\n',
    );
    expect(result.written).toBe(false);
  }, TIMEOUT);

  it('invalid UTF-8 exits 1 with its line and the encoding it looks like, at the start of the file or further in', () => {
    const direktor = Buffer.from(`${event({ persona: 'Direktor f\u00fcr Einkauf' })}\n`, 'latin1');
    const early = report({ 'events.ndjson': Buffer.concat([Buffer.from(REAL), direktor]) }, 'events.ndjson');
    expect(early.status).toBe(1);
    expect(early.stderr).toBe(
      'report: events.ndjson:70 byte 0xFC is not UTF-8: the file looks like Windows-1252 (Latin-1) text\n' +
        '    hint: Export the events as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 events.ndjson > events-utf8.ndjson\n',
    );
    expect(early.written).toBe(false);
    // Past the first 64 KiB, with CR alone ending the lines: found while streaming, on the line an editor shows.
    const real = REAL.repeat(10).replace(/\n/g, '\r');
    expect(real.length).toBeGreaterThan(64 * 1024);
    const late = report({ 'events.ndjson': Buffer.concat([Buffer.from(real), direktor]) }, 'events.ndjson');
    expect(late.status).toBe(1);
    expect(late.stderr).toBe(
      'events.ndjson:691 byte 0xFC is not UTF-8: the file looks like Windows-1252 (Latin-1) text; the rest of the file was not read\n' +
        '    hint: Export the events as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 events.ndjson > events-utf8.ndjson\n' +
        'report: reading events.ndjson stopped at line 691, so no report was written: a report of part of the file would look complete\n',
    );
    expect(late.written).toBe(false);
    const csv = report({ 'events.csv': Buffer.concat([Buffer.from('event,page_type,segment,persona,visit_id\npage_view,landing,small-finance,cfo,v1\n'), Buffer.from([0x70, 0xe2, 0x82, 0x28, 0x0a])]) }, 'events.csv');
    expect(csv.status).toBe(1);
    expect(csv.stderr).toBe('report: events.csv:3 byte 0xE2 is not UTF-8 (a damaged or cut-off character, or data that is not text)\n    hint: Export the events as UTF-8 NDJSON or CSV.\n');
    expect(csv.written).toBe(false);
  }, TIMEOUT);
});

describe('control characters', () => {
  it('reach no output raw: ids, bad values and examples show them as escapes', () => {
    const sneaky = `${REAL}${event({ segment: 'evil\u0000\u001b[2J\u0085', persona: '\u202egnp.exe' })}\n${event({ event: 'page_view\u0007', visit_id: 'v\u2066' })}\n`;
    const ndjson = report({ 'events.ndjson': sneaky }, 'events.ndjson');
    expect(ndjson.status).toBe(0);
    for (const output of [ndjson.stdout, ndjson.stderr, ndjson.csv!, ndjson.html!]) expect(output).not.toMatch(CONTROLS);
    expect(ndjson.stdout).toContain('line 70: "evil\\u0000\\u001b[2J\\u0085" / "\\u202egnp.exe".');
    expect(ndjson.stderr).toContain('events.ndjson:71 warning: unknown event "page_view\\u0007"');
    expect(ndjson.html).toContain('line 70: &quot;evil\\u0000\\u001b[2J\\u0085&quot; / &quot;\\u202egnp.exe&quot;');

    const csv = report({ 'events.csv': `event,page_type,segment,persona,visit_id\r\npage_view,landing,small-finance,cfo,v1\r\npage_view,landing,"x\u001b]8;;\u0007\u009b",\u2067cfo,v2\r\n` }, 'events.csv');
    expect(csv.status).toBe(0);
    for (const output of [csv.stdout, csv.stderr, csv.csv!, csv.html!]) expect(output).not.toMatch(CONTROLS);
    expect(csv.stdout).toContain('line 3: "x\\u001b]8;;\\u0007\\u009b" / "\\u2067cfo".');
  }, TIMEOUT);
});

describe('the HTML page', () => {
  it('carries a strict Content-Security-Policy', () => {
    const result = report({ 'events.ndjson': REAL }, 'events.ndjson');
    expect(result.status).toBe(0);
    expect(result.html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;sha256-[A-Za-z0-9+/]{43}=&#39;; base-uri &#39;none&#39;; form-action &#39;none&#39;">/);
    expect(result.html).not.toMatch(/<script/i);
  }, TIMEOUT);
});

describe('the content the report counts against', () => {
  it('comes from CONTENT_ROOT, or --content', () => {
    const fromEnv = report({ 'events.ndjson': REAL }, 'events.ndjson', [], { CONTENT_ROOT: CONTENT });
    expect(fromEnv.status).toBe(0);
    expect(fromEnv.stdout).toContain('60 visits and 9 leads on 2 landing pages of 1 segment; 69 events.');
    // The project's own content has no small-finance segment: every page is unknown.
    const project = report({ 'events.ndjson': REAL }, 'events.ndjson', ['--content', PROJECT_ROOT]);
    expect(project.status).toBe(1);
    expect(project.stderr).toMatch(/^Unknown pages: 69 landing page views and leads name a segment and persona the content does not define/);
    expect(project.stderr).toMatch(/\nreport: events\.ndjson has 69 valid events but no landing page visit \(a page_view with page_type "landing"\) of the \d+ landing pages in .+: nothing to report\n    hint: Is this the export of this site\? Name its content with --content <dir> or CONTENT_ROOT\.\n$/);
  }, TIMEOUT);

  it('must have segments, without errors', () => {
    const none = report({ 'events.ndjson': REAL }, 'events.ndjson', ['--content', '.']);
    expect(none.status).toBe(1);
    expect(none.stderr.replace(none.dir, '<dir>')).toBe(
      'report: <dir> has no segments (no segments/*.yaml): the report counts only the landing pages the content defines\n' +
        '    hint: Run the report in the project folder, or name the content with --content <dir> or CONTENT_ROOT.\n',
    );
    const broken = mkdtempSync(join(tmpdir(), 'report-content-'));
    mkdirSync(join(broken, 'segments'));
    writeFileSync(join(broken, 'segments', 'small-finance.yaml'), 'name: Small finance\npersonas: cfo\n');
    const result = report({ 'events.ndjson': REAL }, 'events.ndjson', ['--content', broken]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('segments/small-finance.yaml:2:1 personas: expected a list');
    expect(result.stderr).toMatch(/\nreport: the segments in .+ have \d+ errors?, 0 warnings: the report cannot tell their pages from invented ones\n    hint: Fix them first \(npm run check\)\.\n$/);
    expect(result.written).toBe(false);
    noStack(result.stderr);
  }, TIMEOUT);
});

describe('memory', () => {
  it('is capped by the number of distinct visits: an export past --max-visits stops with its line, and nothing is written', () => {
    // REAL keeps 60 visits (lines 1–69): the 21st invented visit, on line 90, is the 81st kept.
    const invented = Array.from({ length: 30 }, (_, i) => `${event({ visit_id: `flood-${i}` })}\n`).join('');
    const result = report({ 'events.ndjson': REAL + invented }, 'events.ndjson', ['--content', CONTENT, '--max-visits', '80']);
    expect(result.stderr).toBe(
      'report: events.ndjson:90 goes past 80 distinct visits, so no report was written: every visit is kept in memory, and an export with more than that would take memory without bound\n' +
        '    hint: If this machine has the memory (about 150 bytes a visit), raise the limit with --max-visits N; or split the export by date and report each part.\n',
    );
    expect(result.status).toBe(1);
    expect(result.written).toBe(false);
  }, TIMEOUT);

  it('is capped by the number of event ids too: a flood of ids on one real visit stops with its line', () => {
    // REAL carries no event_id; --max-visits 100 allows 400 event ids: the 401st, on line 470, goes past.
    const flood = Array.from({ length: 450 }, (_, i) => `${event({ visit_id: 'r1', persona: 'cfo', event_id: `id-${i}` })}\n`).join('');
    const result = report({ 'events.ndjson': REAL + flood }, 'events.ndjson', ['--content', CONTENT, '--max-visits', '100']);
    expect(result.stderr).toBe(
      'report: events.ndjson:470 goes past 400 distinct event ids of landing page views and leads (4 per visit allowed by --max-visits), so no report was written: every event id is kept in memory to drop replays, and an export with more than that would take memory without bound\n' +
        '    hint: If this machine has the memory (about 50 bytes an event id), raise the limit with --max-visits N; or split the export by date and report each part.\n',
    );
    expect(result.status).toBe(1);
    expect(result.written).toBe(false);
  }, TIMEOUT);

  it('does not grow with the length of a line: a 96 MB line is read through a 48 MB heap', () => {
    // Held whole, as readline would hold it, the line alone would not fit in the heap.
    const line = `${event({ visit_id: 'v2', segment: 'y'.repeat(96 * 1024 * 1024) })}\n`;
    const result = report({ 'events.ndjson': REAL + line + event({ visit_id: 'v3' }) + '\n' }, 'events.ndjson', ['--content', CONTENT], {}, ['--max-old-space-size=48']);
    expect(result.stderr).toBe('1 row skipped (1 too long):\nevents.ndjson:70 warning: this line is 96 MiB long, more than the 64 KiB one event may take\n\n');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('61 visits and 9 leads on 2 landing pages of 1 segment; 70 events.');
  }, TIMEOUT);
});
