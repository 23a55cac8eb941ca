import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { ReportEvent } from '../../../src/lib/report/events.ts';
import { InputFileError } from '../../../src/lib/input-file.ts';
import { formatFromName, readCsv, readEventFile, readNdjson, sniffFormat, type ReadSummary } from '../../../src/lib/report/read-events.ts';
import { renderSkippedRows } from '../../../src/lib/report/render-text.ts';
import { FIXTURES } from '../helpers.ts';

const EVENTS = join(FIXTURES, 'events');

async function readFile(path: string): Promise<{ events: ReportEvent[]; read: ReadSummary }> {
  const events: ReportEvent[] = [];
  const read = await readEventFile(path, (e) => events.push(e));
  return { events, read };
}

async function readText(format: 'ndjson' | 'csv', text: string | string[]): Promise<{ events: ReportEvent[]; read: ReadSummary }> {
  const events: ReportEvent[] = [];
  const chunks = Array.isArray(text) ? text : [text];
  const read = format === 'csv' ? await readCsv(Readable.from(chunks), (e) => events.push(e)) : await readNdjson(Readable.from(chunks), (e) => events.push(e), { start: chunks.join('') });
  return { events, read };
}

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'report-')), name);
  writeFileSync(path, content);
  return path;
}

describe('reading NDJSON', () => {
  it('keeps the valid events and reports every bad row with its line', async () => {
    const { events, read } = await readFile(join(EVENTS, 'mixed-problems.ndjson'));
    expect(events.map((e) => `${e.event} ${e.visit_id}`)).toEqual(['page_view v1', 'generate_lead v1', 'page_view v4']);
    expect(read).toMatchObject({ format: 'ndjson', rows: 14, events: 3, badRowCount: 11 });
    expect(renderSkippedRows('events.ndjson', read)).toMatchInlineSnapshot(`
      "11 rows skipped (3 wrong type, 2 missing or unknown event, 2 not an event object, 1 bad event_time, 1 missing segment or persona, 1 not valid JSON, 1 missing visit_id):
      events.ndjson:3 warning: not valid JSON (an event must be one complete JSON object on one line)
      events.ndjson:4 warning: expected an event object, found an array
      events.ndjson:5 warning: unknown event "page_veiw" (did you mean "page_view"?); the contract knows page_view, cta_click, faq_open, generate_lead
      events.ndjson:6 warning: missing "visit_id"
      events.ndjson:7 warning: a landing page_view without "segment": it cannot be counted for a page
      events.ndjson:8 warning: visit_id: expected a string, found the number 42
      events.ndjson:9 warning: cta_id: expected a string, found the number 7
      events.ndjson:10 warning: event_time: expected an ISO 8601 time like 2026-10-01T09:30:00.000Z, found "yesterday"
      events.ndjson:13 warning: expected an event object, found the text "just a string"
      events.ndjson:15 warning: utm_source: expected a string, found an array
      events.ndjson:16 warning: missing "event""
    `);
  });

  it('ignores blank lines, a byte-order mark and CRLF line ends without shifting line numbers', async () => {
    const text = readFileSync(join(EVENTS, 'mixed-problems.ndjson'), 'utf8');
    const lf = await readText('ndjson', text);
    const crlf = await readText('ndjson', `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(crlf.read).toEqual(lf.read);
    expect(crlf.events).toEqual(lf.events);
  });

  it('keeps only the first bad rows but counts them all', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `{"event":"click","visit_id":"v${i}"}`).join('\n');
    const events: ReportEvent[] = [];
    const read = await readNdjson(Readable.from([text]), (e) => events.push(e), { maxBadRows: 3 });
    expect(read.badRows.map((r) => r.line)).toEqual([1, 2, 3]);
    expect(read.badRowCount).toBe(50);
    expect(renderSkippedRows('clicks.ndjson', read)).toMatchInlineSnapshot(`
      "50 rows skipped (50 missing or unknown event); the first 3:
      clicks.ndjson:1 warning: unknown event "click"; the contract knows page_view, cta_click, faq_open, generate_lead
      clicks.ndjson:2 warning: unknown event "click"; the contract knows page_view, cta_click, faq_open, generate_lead
      clicks.ndjson:3 warning: unknown event "click"; the contract knows page_view, cta_click, faq_open, generate_lead
      … and 47 more"
    `);
  });

  it('names a JSON array or pretty-printed JSON instead of reporting every line', async () => {
    const array = await readText('ndjson', '\n[\n  {"event": "page_view", "visit_id": "v1"}\n]\n');
    expect(renderSkippedRows('events.json', array.read)).toMatchInlineSnapshot(`
      "events.json:2 this is a JSON array; the report reads NDJSON, one event object per line
          hint: Convert it with: jq -c '.[]' events.json > events.ndjson"
    `);
    const pretty = await readText('ndjson', '{\n  "event": "page_view"\n}\n');
    expect(pretty.read.stopped?.reason).toMatch(/spans several lines/);
    // Lines ending in CR alone count as lines here too.
    const crOnly = await readText('ndjson', '\r\r{\r  "event": "page_view"\r}\r');
    expect(crOnly.read.stopped).toMatchObject({ line: 3, reason: expect.stringMatching(/spans several lines/) });
  });

  it('accepts null ids on pages without them, but needs the page type of a page_view', async () => {
    const { events, read } = await readText(
      'ndjson',
      [
        '{"event":"faq_open","page_type":"home","segment":null,"persona":null,"vertical":null,"visit_id":"v1"}',
        '{"event":"page_view","page_type":null,"segment":"a","persona":"b","visit_id":"v1"}',
        '{"event":"faq_open","page_type":"faq","content_version":7,"segment":"a","persona":null,"visit_id":"v1"}',
      ].join('\n'),
    );
    expect(events).toEqual([{ event: 'faq_open', page_type: 'home', segment: null, persona: null, visit_id: 'v1' }]);
    expect(read.badRows.map((r) => `${r.line} ${r.reason}`)).toMatchInlineSnapshot(`
      [
        "2 a page_view without "page_type": it cannot tell a landing page from another",
        "3 content_version: expected a string, found the number 7",
      ]
    `);
  });

  it('escapes control characters of hostile values before they reach a terminal', async () => {
    const { read } = await readText('ndjson', '{"event":"\\u001b[2J\\u202epage_view","visit_id":"v1"}\n');
    expect(read.badRows[0]!.reason).toContain('\\u001b[2J\\u202e');
    expect(read.badRows[0]!.reason).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('reading hostile NDJSON', () => {
  const view = (fields: Record<string, string>) => JSON.stringify({ event: 'page_view', page_type: 'landing', segment: 'a', persona: 'b', visit_id: 'v1', ...fields });

  it('skips a line over 64 KiB as a bad row without holding it, and reads on', async () => {
    const huge = view({ segment: 'x'.repeat(2 * 1024 * 1024) });
    const { events, read } = await readText('ndjson', [`${view({})}\n`, huge.slice(0, 1_000_000), `${huge.slice(1_000_000)}\n`, `${view({ visit_id: 'v2' })}\n`]);
    expect(events.map((e) => e.visit_id)).toEqual(['v1', 'v2']);
    expect(renderSkippedRows('events.ndjson', read)).toBe('1 row skipped (1 too long):\nevents.ndjson:2 warning: this line is 2 MiB long, more than the 64 KiB one event may take');
  });

  it('skips a row with a field over its cap, naming the field', async () => {
    const { read } = await readText('ndjson', [view({ segment: 's'.repeat(101) }), view({ utm_source: 'u'.repeat(200) }), view({ page_path: `/${'p'.repeat(2000)}` })].join('\n') + '\n');
    expect(read.badRows.map((r) => `${r.line} ${r.reason}`)).toEqual([
      '1 segment: 101 characters, more than the 100 allowed ("ssssssssssssssssssss…")',
      '3 page_path: 2,001 characters, more than the 2,000 allowed ("/ppppppppppppppppppp…")',
    ]);
    expect(read.events).toBe(1);
  });

  it('stops at a last line cut short, but reads a complete last line without a line break', async () => {
    const cut = await readText('ndjson', `${view({})}\n${view({}).slice(0, 30)}`);
    expect(renderSkippedRows('events.ndjson', cut.read)).toBe(
      'events.ndjson:2 the file ends in the middle of this line: it has no line break and is not a complete event, so the export was probably cut short\n    hint: Export the events again, or remove the incomplete last line if the rest is all you need.',
    );
    const whole = await readText('ndjson', `${view({})}\n${view({ visit_id: 'v2' })}`);
    expect([whole.read.events, whole.read.stopped]).toEqual([2, undefined]);
  });

  it('stops at a byte that is not UTF-8, with its line and the likely encoding', async () => {
    const events: ReportEvent[] = [];
    const bytes = Buffer.concat([Buffer.from(`${view({})}\n`), Buffer.from(`${view({ persona: 'M\u00fcller' })}\n`, 'latin1')]);
    const read = await readNdjson(Readable.from([bytes]), (e) => events.push(e));
    expect(renderSkippedRows('events.ndjson', read)).toBe(
      'events.ndjson:2 byte 0xFC is not UTF-8: the file looks like Windows-1252 (Latin-1) text; the rest of the file was not read\n    hint: Export the events as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 events.ndjson > events-utf8.ndjson',
    );
  });

  it('hands each event to the callback with its line', async () => {
    const lines: number[] = [];
    await readNdjson(Readable.from([`\n${view({})}\n\n${view({})}\n`]), (_, line) => lines.push(line));
    expect(lines).toEqual([2, 4]);
  });
});

describe('reading CSV', () => {
  it('keeps the valid rows, reads quoted fields across lines and reports bad rows by the line they start on', async () => {
    const { events, read } = await readFile(join(EVENTS, 'mixed-problems.csv'));
    expect(events.map((e) => `${e.event} ${e.visit_id} ${e.persona}`)).toEqual([
      'page_view v1 cfo',
      'page_view v2 controller',
      'generate_lead v2 controller',
      'page_view v6 cfo "acting"',
    ]);
    expect(read).toMatchObject({ format: 'csv', events: 4, badRowCount: 4 });
    expect(renderSkippedRows('events.csv', read)).toMatchInlineSnapshot(`
      "4 rows skipped (1 wrong number of fields, 1 missing or unknown event, 1 missing segment or persona, 1 missing visit_id):
      events.csv:5 warning: expected 10 fields as in the header, found 7
      events.csv:8 warning: a generate_lead without "segment": it cannot be counted for a page
      events.csv:9 warning: unknown event "pageview" (did you mean "page_view"?); the contract knows page_view, cta_click, faq_open, generate_lead
      events.csv:10 warning: missing "visit_id"
      events.csv:12 a quoted field starts in this row and is never closed; the rest of the file was not read
          hint: Inside a quoted field, write a double quote as two: ""."
    `);
  });

  it('gives the same line numbers with CRLF line ends and a byte-order mark', async () => {
    const text = readFileSync(join(EVENTS, 'mixed-problems.csv'), 'utf8');
    const lf = await readText('csv', text);
    const crlf = await readText('csv', `\uFEFF${text.replace(/\n/g, '\r\n')}`);
    expect(crlf.read).toEqual(lf.read);
    expect(crlf.events).toEqual(lf.events);
  });

  it('gives the same result however the stream is cut into chunks', async () => {
    const text = readFileSync(join(EVENTS, 'mixed-problems.csv'), 'utf8');
    const whole = await readText('csv', text);
    const bytes = await readText('csv', text.match(/[\s\S]{1,7}/g)!);
    expect(bytes).toEqual(whole);
  });

  it('stops at a header without the columns it needs, and guesses the typo', async () => {
    const { read } = await readText('csv', 'event,page_type,segmnet,persona,visitor\npage_view,landing,a,b,v1\n');
    expect(renderSkippedRows('events.csv', read)).toMatchInlineSnapshot(`
      "events.csv:1 the header has no "segment", "visit_id" columns; no row could be read
          hint: Did you mean "segmnet" for "segment"? The header must name the contract's fields: event,page_type,segment,persona,vertical,page_variant,content_version,page_locale,page_path,visit_id,event_id,event_time,analytics_consent,utm_source,utm_medium,utm_campaign,utm_term,utm_content,utm_id,cta_id,faq_id,form_id."
    `);
  });

  it('hints at the separator when the header is one column', async () => {
    const { read } = await readText('csv', 'event;page_type;segment;persona;visit_id\n');
    expect(read.stopped?.hint).toMatch(/one single column: is the file separated by commas\?$/);
  });
});

describe('reading hostile CSV', () => {
  const HEADER = 'event,page_type,segment,persona,visit_id\n';

  it('stops at a byte that is not UTF-8, with its line', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}page_view,landing,a,b,v1\n`), Buffer.from('page_view,landing,M\u00fcller,b,v2\n', 'latin1')]);
    const { events, read } = await readText('csv', [bytes as unknown as string]);
    expect(read.stopped).toEqual({
      line: 3,
      reason: 'byte 0xFC is not UTF-8: the file looks like Windows-1252 (Latin-1) text; the rest of the file was not read',
      hint: 'Export the events as UTF-8. Or convert it: iconv -f WINDOWS-1252 -t UTF-8 events.csv > events-utf8.csv',
    });
    expect(events.length).toBeLessThanOrEqual(1);
  });

  it('stops at a row over 64 KiB, as it stops at a quote never closed', async () => {
    const { read } = await readText('csv', `${HEADER}page_view,landing,${'x'.repeat(2 * 1024 * 1024)},b,v1\npage_view,landing,a,b,v2\n`);
    expect(read.stopped).toEqual({
      line: 2,
      reason: 'this row is longer than 65,536 characters ("page_view,landing,xxxxxxxxxxxxxxxxxxxxxx"…); the rest of the file was not read',
      hint: 'Often a quote that is never closed: check the quotes on this line.',
    });
  });

  it('skips a row with a field over its cap', async () => {
    const { read } = await readText('csv', `${HEADER}page_view,landing,a,b,${'v'.repeat(101)}\npage_view,landing,a,b,v2\n`);
    expect(read.badRows).toEqual([{ line: 2, code: 'too-long', reason: 'visit_id: 101 characters, more than the 100 allowed ("vvvvvvvvvvvvvvvvvvvv…")' }]);
    expect(read.events).toBe(1);
  });
});

describe('choosing the format', () => {
  it('goes by the extension first', () => {
    expect(['a.ndjson', 'a.JSONL', 'a.json', 'a.csv', 'a.txt', 'events'].map(formatFromName)).toEqual(['ndjson', 'ndjson', 'ndjson', 'csv', undefined, undefined]);
  });

  it('looks at the content when the extension says nothing', async () => {
    expect(sniffFormat('\uFEFF  \n{"event":"page_view"}')).toBe('ndjson');
    expect(sniffFormat('event,visit_id\n')).toBe('csv');
    const csv = tempFile('export.txt', readFileSync(join(EVENTS, 'mixed-problems.csv'), 'utf8'));
    expect((await readFile(csv)).read.format).toBe('csv');
    const ndjson = tempFile('export', readFileSync(join(EVENTS, 'mixed-problems.ndjson'), 'utf8'));
    expect((await readFile(ndjson)).read.events).toBe(3);
  });

  it('refuses a missing file or a folder with a message, not a crash', async () => {
    await expect(readFile(join(EVENTS, 'no-such-file.ndjson'))).rejects.toThrow(InputFileError);
    await expect(readFile(join(EVENTS, 'no-such-file.ndjson'))).rejects.toThrow(/there is no such file$/);
    await expect(readFile(EVENTS)).rejects.toThrow(/is a folder, not an events file$/);
  });

  it('names compressed and non-UTF-8 files instead of reading garbage', async () => {
    await expect(readFile(tempFile('events.ndjson.gz', new Uint8Array([0x1f, 0x8b, 0x08, 0x00])))).rejects.toThrow(/is gzip-compressed$/);
    const utf16 = tempFile('events.csv', Buffer.from('\uFEFFevent,visit_id\n', 'utf16le'));
    await expect(readFile(utf16)).rejects.toThrow(/is not UTF-8 text \(it contains NUL bytes/);
  });
});
