import { describe, expect, it } from 'vitest';
import { isSafeUrl, sanitizeHtmlTree, urlScheme } from '../../src/lib/safe-html.ts';

describe('reading a URL scheme as a browser does', () => {
  it.each([
    ['javascript:alert(1)', 'javascript'],
    ['JavaScript:alert(1)', 'javascript'],
    ['java&#9;script:alert(1)', 'javascript'],
    ['java&Tab;script:alert(1)', 'javascript'],
    ['jav&#x0A;ascript:alert(1)', 'javascript'],
    ['&#1;javascript:alert(1)', 'javascript'],
    ['\u0001javascript:alert(1)', 'javascript'],
    ['  javascript:alert(1)', 'javascript'],
    ['javascript&colon;alert(1)', 'javascript'],
    ['&#106;avascript:alert(1)', 'javascript'],
    ['file:///etc/passwd', 'file'],
    ['data:text/html,x', 'data'],
    ['https://example.com/', 'https'],
    ['/pricing/?at=10:30', undefined],
    ['#top', undefined],
    ['guide', undefined],
  ])('%j has the scheme %s', (url, scheme) => {
    expect(urlScheme(url)).toBe(scheme);
  });

  it('allows http, https, mailto, tel and relative links, and web images only', () => {
    expect(['https://a.example/', 'http://a.example/', 'mailto:a@example.com', 'tel:+44', '/x/', 'x', '#y'].every((u) => isSafeUrl(u))).toBe(true);
    expect(['javascript:x', 'vbscript:x', 'data:x', 'file:x', 'java&#9;script:x', 'ftp://x'].some((u) => isSafeUrl(u))).toBe(false);
    expect(isSafeUrl('mailto:a@example.com', 'image')).toBe(false);
  });
});

describe('the content allow-list', () => {
  const el = (tagName: string, properties: Record<string, unknown>, children: unknown[] = []) => ({ type: 'element', tagName, properties, children });
  const sanitize = (...children: unknown[]) => sanitizeHtmlTree({ type: 'root', children } as never);

  it('drops elements that load, run or redirect, with their content when it is code', () => {
    const out = sanitize(
      el('meta', { httpEquiv: ['refresh'], content: '0;url=https://evil.example/' }),
      el('base', { href: 'https://evil.example/' }),
      el('link', { rel: ['stylesheet'], href: 'https://evil.example/x.css' }),
      el('script', {}, [{ type: 'text', value: 'alert(1)' }]),
      el('svg', {}, [el('animate', { attributeName: 'href', values: 'javascript:alert(1)' })]),
      el('p', { className: ['x'], style: 'color:red', onClick: 'alert(1)', id: 'main' }, [{ type: 'text', value: 'kept' }]),
    );
    expect(out).toEqual({ type: 'root', children: [el('p', {}, [{ type: 'text', value: 'kept' }])] });
  });

  it('removes link and image addresses outside the allowed schemes, and images relative to the file', () => {
    const out = sanitize(el('a', { href: 'java\tscript:alert(1)' }), el('a', { href: 'file:///etc/passwd' }), el('img', { src: '../../secret.png', alt: 'x' }), el('img', { src: '/images/a.png', alt: 'a', width: 10, onError: 'x' }));
    expect(out.children).toEqual([el('a', {}), el('a', {}), el('img', { alt: 'x' }), el('img', { src: '/images/a.png', alt: 'a', width: 10 })]);
  });
});
