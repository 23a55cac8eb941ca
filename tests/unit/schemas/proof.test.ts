import { describe, expect, it } from 'vitest';
import { parseProject } from '../../../src/lib/load/project.ts';
import { proofCertificationSchema, proofFigureSchema, proofLogoSchema, proofQuoteSchema } from '../../../src/lib/schemas/index.ts';
import { fixture, loadDiagnostics, withFiles } from '../helpers.ts';
import { formatDiagnosticsText } from '../../../src/lib/diagnostics.ts';

const base = fixture('minimal');
const load = (file: string, body: string) => formatDiagnosticsText(loadDiagnostics(withFiles(base, { [file]: body })));

describe('proof schemas', () => {
  it('documents every field for editors', () => {
    for (const schema of [proofQuoteSchema, proofLogoSchema, proofFigureSchema, proofCertificationSchema]) {
      const missing = Object.entries(schema.shape)
        .filter(([, field]) => !field.description)
        .map(([name]) => name);
      expect(missing).toEqual([]);
    }
  });

  it('loads each kind from its folder, scoped everywhere and real by default', () => {
    const { project, diagnostics } = parseProject(
      withFiles(base, {
        'content/proof/quotes/ada.yaml': 'text: We close in three days.\nperson: Ada Byron\ncompany: Acme Books\ndate: 2026-03-01\npermission: Approved by email\n',
        'content/proof/logos/acme.yaml': 'company: Acme Books\nimage: logos/acme.svg\nwidth: 80\nheight: 20\nfictional: true\n',
        'content/proof/figures/close.yaml': 'value: 3\nunit: days\nmeasured: to close the month\nsource: { title: Acme case study }\ndate: 2026-03-01\n',
        'content/proof/certifications/iso.yaml': 'name: ISO/IEC 27001\nissuer: Example Ltd\nvalidUntil: 2027-01-01\nevidenceUrl: https://example.com/trust\n',
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(project.proof.quotes.map((q) => [q.id, q.data.scope, q.data.fictional])).toEqual([['ada', { segments: [], personas: [], verticals: [] }, false]]);
    expect(project.proof.logos.map((l) => [l.id, l.data.fictional])).toEqual([['acme', true]]);
    expect(project.proof.figures[0]!.data.customerReported).toBe(false);
    expect(project.proof.certifications[0]!.data.validUntil).toBe('2027-01-01');
  });

  it('refuses an image outside public/ or of another type', () => {
    expect(load('content/proof/logos/acme.yaml', 'company: Acme\nimage: ../secrets/acme.svg\nwidth: 80\nheight: 20\n')).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: expected an SVG under public/, like "logos/acme.svg", or a PNG, JPEG or WebP beside this file, like "./acme.png", received "../secrets/acme.svg"
          hint: Use lowercase letters, digits, "-", "_" and "." in file names; a path may not leave its folder ("..")."
    `);
    expect(load('content/proof/logos/acme.yaml', 'company: Acme\nimage: logos/acme.gif\nwidth: 80\n')).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:1:1 height: is required but missing
          hint: Add it: Height the logo is shown at, in CSS pixels.
      content/proof/logos/acme.yaml:2:1 image: expected an SVG under public/, like "logos/acme.svg", or a PNG, JPEG or WebP beside this file, like "./acme.png", received "logos/acme.gif"
          hint: Use lowercase letters, digits, "-", "_" and "." in file names; a path may not leave its folder ("..")."
    `);
    expect(load('content/proof/logos/acme.yaml', 'company: Acme\nimage: ./../acme.png\nwidth: 80\nheight: 20\n')).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: expected an SVG under public/, like "logos/acme.svg", or a PNG, JPEG or WebP beside this file, like "./acme.png", received "./../acme.png"
          hint: Use lowercase letters, digits, "-", "_" and "." in file names; a path may not leave its folder ("..")."
    `);
  });

  it('sends a raster logo in public/ beside its YAML file, where the image pipeline finds it', () => {
    expect(load('content/proof/logos/acme.yaml', 'company: Acme\nimage: logos/Acme.PNG\nwidth: 80\nheight: 20\n')).toMatchInlineSnapshot(`
      "content/proof/logos/acme.yaml:2:1 image: a PNG logo goes beside this file, not in public/
          hint: Move the file to content/proof/logos/acme.png and write image: ./acme.png. Raster logos are resized and converted to WebP at build time; only SVG logos are served from public/ as they are."
    `);
    expect(load('content/proof/logos/acme.yaml', 'company: Acme\nimage: ./acme.webp\nwidth: 80\nheight: 20\n')).toBe('');
  });

  it('suggests the field that was meant', () => {
    expect(load('content/proof/certifications/iso.yaml', 'name: SOC 2 Type II\nissuer: Example LLP\nvalidUntill: 2027-01-01\nevidenceUrl: https://example.com/trust\n')).toMatchInlineSnapshot(`
      "content/proof/certifications/iso.yaml:3:1 validUntill: unknown field "validUntill"
          hint: Did you mean "validUntil"? Known fields here: name, issuer, validUntil, evidenceUrl, scope, fictional"
    `);
    expect(load('content/proof/quotes/ada.yaml', 'text: Good.\nscope:\n  persona: [controller]\n')).toMatchInlineSnapshot(`
      "content/proof/quotes/ada.yaml:3:3 scope.persona: unknown field "persona"
          hint: Did you mean "personas"? Known fields here: segments, personas, verticals"
    `);
  });

  it('tells where a misplaced proof file belongs', () => {
    expect(load('content/proof/quote/ada.yaml', 'text: Good.\n')).toMatchInlineSnapshot(`
      "content/proof/quote/ada.yaml warning: this file is not read by the generator
          hint: Content files go in content/site.yaml, segments/<id>.yaml, content/personas/<id>.md, content/verticals/<id>.yaml, content/regulations/<id>.yaml, content/faqs/<id>.md, content/pages/<segment>/<persona>.mdx, content/variants/<segment>/<persona>/<variant-id>.mdx, content/proof/quotes/<id>.yaml, content/proof/logos/<id>.yaml, content/proof/figures/<id>.yaml, content/proof/certifications/<id>.yaml, content/workbench.yaml, content/crm.yaml, content/ui/<locale>.yaml, content/assignment-summary.json."
    `);
  });
});
