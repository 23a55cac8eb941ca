import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';
import { countPages, isKnownPage, loadKnownPages } from '../../../src/lib/report/known-pages.ts';
import { FIXTURES, PROJECT_ROOT } from '../helpers.ts';

describe('the pages the report counts', () => {
  it('are each segment with each persona it lists, read from the segment files alone', async () => {
    const result = await loadKnownPages(join(FIXTURES, 'events', 'content'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.pages].map(([segment, personas]) => [segment, [...personas]])).toEqual([['small-finance', ['cfo', 'controller']]]);
    expect(isKnownPage(result.pages, 'small-finance', 'cfo')).toBe(true);
    expect(isKnownPage(result.pages, 'small-finance', 'ap-director')).toBe(false);
    expect(isKnownPage(result.pages, 'small-finance\u0000', 'cfo')).toBe(false);
    expect(isKnownPage(result.pages, 'constructor', 'cfo')).toBe(false);
  });

  it('are those of the project content by default', async () => {
    const result = await loadKnownPages(PROJECT_ROOT);
    expect(result.ok && countPages(result.pages)).toBeGreaterThan(5);
    expect(result.ok && isKnownPage(result.pages, 'mid-market-owner', 'ap-controller')).toBe(true);
  });

  it('are none where there are no segment files', async () => {
    const result = await loadKnownPages(mkdtempSync(join(tmpdir(), 'report-content-')));
    expect(result.ok && result.pages.size).toBe(0);
  });

  it('cannot be told while a segment file has errors', async () => {
    const root = mkdtempSync(join(tmpdir(), 'report-content-'));
    mkdirSync(join(root, 'segments'));
    writeFileSync(join(root, 'segments', 'broken.yaml'), 'name: Broken\npersonas: cfo\n');
    const result = await loadKnownPages(root);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatDiagnosticsText(result.diagnostics)).toContain('segments/broken.yaml:2:1 personas: expected a list');
  });

  it('never follow a symbolic link, in the folder or for the folder itself, as the content loader does not', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'report-outside-'));
    writeFileSync(join(outside, 'secret.yaml'), 'root:x:0:0:root:/root:/bin/bash\n');
    const root = mkdtempSync(join(tmpdir(), 'report-content-'));
    cpSync(join(FIXTURES, 'events', 'content', 'segments'), join(root, 'segments'), { recursive: true });
    symlinkSync(join(outside, 'secret.yaml'), join(root, 'segments', 'linked.yaml'));
    const linked = await loadKnownPages(root);
    expect(linked.ok).toBe(false);
    if (linked.ok) return;
    const text = formatDiagnosticsText(linked.diagnostics);
    expect(text).toContain('segments/linked.yaml this is a symbolic link; links are never followed, so nothing was read from it');
    expect(text).not.toContain('root:x');

    const folder = mkdtempSync(join(tmpdir(), 'report-content-'));
    symlinkSync(join(root, 'segments'), join(folder, 'segments'));
    const linkedFolder = await loadKnownPages(folder);
    expect(linkedFolder.ok).toBe(false);
  });
});
