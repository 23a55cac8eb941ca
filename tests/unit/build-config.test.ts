import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './helpers.ts';
import { EnvironmentError, normalizeBasePath, readBuildEnvironment, readSiteSettings } from '../../src/lib/build-config.ts';

describe('build environment', () => {
  it('reads the settings CI passes, with defaults', () => {
    expect(readBuildEnvironment({}, '/repo')).toEqual({ contentRoot: '/repo', outDir: '/repo/dist', siteUrl: undefined, basePath: undefined, includeDrafts: false, today: undefined });
    expect(readBuildEnvironment({ CONTENT_ROOT: 'content-tree', OUT_DIR: '/tmp/out', SITE_URL: 'https://org.github.io', BASE_PATH: '/repo', INCLUDE_DRAFTS: '1', CHECK_DATE: '2027-01-01' }, '/repo')).toEqual({
      contentRoot: '/repo/content-tree',
      outDir: '/tmp/out',
      siteUrl: 'https://org.github.io',
      basePath: '/repo/',
      includeDrafts: true,
      today: '2027-01-01',
    });
  });

  it('accepts a base path with or without its slashes', () => {
    expect(['solutions', '/solutions', '/solutions/', 'solutions/'].map(normalizeBasePath)).toEqual(Array(4).fill('/solutions/'));
    expect(normalizeBasePath('/')).toBe('/');
  });

  it('refuses settings that would build a broken site, saying which', () => {
    expect(() => readBuildEnvironment({ SITE_URL: 'javascript:alert(1)' })).toThrow(new EnvironmentError('SITE_URL must be a web address like https://www.example.com, not "javascript:alert(1)"'));
    expect(() => readBuildEnvironment({ BASE_PATH: '/Bad Path/' })).toThrow(/BASE_PATH must be a path/);
    expect(() => readBuildEnvironment({ CHECK_DATE: '23/11/2026' })).toThrow(/CHECK_DATE must be a date/);
  });
});

describe('site settings for the Astro config', () => {
  it('never follows a symbolic link for site.yaml, as the content loader does not', async () => {
    const root = mkdtempSync(join(tmpdir(), 'site-link-'));
    try {
      mkdirSync(join(root, 'content'));
      const outside = join(root, 'outside.yaml');
      writeFileSync(outside, readFileSync(join(PROJECT_ROOT, 'content', 'site.yaml')));
      symlinkSync(outside, join(root, 'content', 'site.yaml'));
      const env = readBuildEnvironment({ CONTENT_ROOT: root });
      expect(await readSiteSettings(env)).toBeUndefined();
      // The same file, not linked, is read.
      rmSync(join(root, 'content', 'site.yaml'));
      writeFileSync(join(root, 'content', 'site.yaml'), readFileSync(outside));
      expect((await readSiteSettings(env))?.name).toBe('Northwind Procure');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
