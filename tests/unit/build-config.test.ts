import { describe, expect, it } from 'vitest';
import { EnvironmentError, normalizeBasePath, readBuildEnvironment } from '../../src/lib/build-config.ts';

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
