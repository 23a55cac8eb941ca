/**
 * Content that tries to run code or put markup on a page, written the way an attacker with commit
 * access to the content repository (or a careless paste) would: shared by the check's tests and
 * the renderers' tests, so every payload is proven both refused with a message and absent from
 * what a page would get.
 */

export interface Payload {
  name: string;
  /** MDX placed in an override: inside `<Section name="objections">`, as its opening tag, or at the top of the file. */
  mdx: string;
  where?: 'inside' | 'opening-tag' | 'top';
  /** The same attempt in a Markdown body, where it applies. */
  markdown?: string;
  /** Text that must not appear in compiled or rendered output. */
  traces: RegExp;
  /** Rule of the error the check gives. */
  rule: string;
}

export const PAYLOADS: Payload[] = [
  {
    name: 'an expression in a footnote definition (GFM)',
    mdx: "See the log.[^note]\n\n[^note]: /audit-log \"{process.getBuiltinModule('fs').writeFileSync('/tmp/x','y')}\"",
    traces: /process|getBuiltinModule|writeFileSync/,
    rule: 'mdx-code',
  },
  {
    name: 'a CI secret printed through a footnote',
    mdx: "Token.[^t]\n\n[^t]: {'SECRET='+process.env.DEPLOY_TOKEN}",
    traces: /SECRET|DEPLOY_TOKEN|process/,
    rule: 'mdx-code',
  },
  {
    name: 'set:html on the Section',
    mdx: '<Section name="objections" set:html="<img src=x onerror=alert(1)>">',
    where: 'opening-tag',
    traces: /set:html|onerror|alert/,
    rule: 'unsafe-markup',
  },
  {
    name: 'set:html on an HTML element',
    mdx: '<div set:html="<img src=x onerror=alert(1)>" />',
    markdown: '<div set:html="<img src=x onerror=alert(1)>"></div>',
    traces: /set:html|onerror|alert/,
    rule: 'unsafe-markup',
  },
  {
    name: 'a meta refresh',
    mdx: '<meta http-equiv="refresh" content="0;url=https://evil.example/" />',
    markdown: '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    traces: /meta|refresh|evil\.example/,
    rule: 'unsafe-markup',
  },
  {
    name: 'a base element',
    mdx: '<base href="https://evil.example/" />',
    markdown: '<base href="https://evil.example/">',
    traces: /base|evil\.example/,
    rule: 'unsafe-markup',
  },
  {
    name: 'a remote stylesheet',
    mdx: '<link rel="stylesheet" href="https://evil.example/x.css" />',
    markdown: '<link rel="stylesheet" href="https://evil.example/x.css">',
    traces: /stylesheet|evil\.example/,
    rule: 'unsafe-markup',
  },
  {
    name: 'a frameset',
    mdx: '<frameset><frame src="https://evil.example/" /></frameset>',
    markdown: '<frameset><frame src="https://evil.example/"></frameset>',
    traces: /frame|evil\.example/,
    rule: 'unsafe-markup',
  },
  {
    name: 'a tab inside javascript: (&#9;)',
    mdx: '[Chat with us](java&#9;script:alert(1))',
    markdown: '[Chat with us](java&#9;script:alert(1))',
    traces: /script|alert/,
    rule: 'unsafe-link',
  },
  {
    name: 'a newline inside javascript: (&#x0A;)',
    mdx: '[Chat with us](jav&#x0A;ascript:alert(1))',
    markdown: '[Chat with us](jav&#x0A;ascript:alert(1))',
    traces: /script|alert/,
    rule: 'unsafe-link',
  },
  {
    name: 'a control character before javascript: (&#1;)',
    mdx: '[Chat with us](&#1;javascript:alert(1))',
    markdown: '[Chat with us](&#1;javascript:alert(1))',
    traces: /script|alert/,
    rule: 'unsafe-link',
  },
  {
    name: 'an entity-disguised scheme in an HTML link',
    mdx: '<a href="java&#9;script:alert(1)">Chat with us</a>',
    markdown: '<a href="java&#9;script:alert(1)">Chat with us</a>',
    traces: /script|alert/,
    rule: 'unsafe-markup',
  },
  {
    name: 'a file: link',
    mdx: '[Our notes](file:///etc/passwd)',
    markdown: '[Our notes](file:///etc/passwd)',
    traces: /file:|passwd/,
    rule: 'unsafe-link',
  },
  {
    name: 'an SVG animation that sets a javascript: href',
    mdx: '<svg><a><animate attributeName="href" values="javascript:alert(1)" /><text y="20">Open</text></a></svg>',
    markdown: '<svg><a><animate attributeName="href" values="javascript:alert(1)" /><text y="20">Open</text></a></svg>',
    traces: /svg|animate|javascript|alert/,
    rule: 'unsafe-markup',
  },
  {
    name: 'an image path that climbs out of the content folder',
    mdx: '![Team](../../../../etc/passwd)',
    traces: /passwd|\.\.\//,
    rule: 'unsafe-link',
  },
  {
    name: 'an attribute written as code on the Section',
    mdx: '<Section name="objections" {...{ "set:html": "<b>x</b>" }}>',
    where: 'opening-tag',
    traces: /set:html|<b>/,
    rule: 'mdx-code',
  },
  {
    name: 'an import line',
    mdx: "import fs from 'node:fs'",
    where: 'top',
    traces: /node:fs|import fs/,
    rule: 'mdx-code',
  },
];

/** The composition fixture's override with one payload placed in its objections section. */
export function overrideWith(payload: Payload): string {
  const where = payload.where ?? 'inside';
  const top = where === 'top' ? `${payload.mdx}\n\n` : '';
  const open = where === 'opening-tag' ? payload.mdx : '<Section name="objections">';
  const inside = where === 'inside' ? `We ran a field team for ten years.\n\n${payload.mdx}` : 'We ran a field team for ten years.';
  return `---\nvariant: owner-calm\ntitle: Calmer weeks for field-team owners\n---\n\n${top}${open}\n## Your questions, answered by an owner\n\n${inside}\n</Section>\n\n<Section name="cta">\n## See a week planned for you\n</Section>\n`;
}

/** The minimal fixture's persona with one payload at the end of its body. */
export function personaWith(persona: string, markdown: string): string {
  return `${persona.replace(/\n*$/, '\n')}\n${markdown}\n`;
}
