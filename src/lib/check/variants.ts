import type { Diagnostic } from '../diagnostics.ts';
import { hiddenOverrideFields, type PageOverrideEntry, type PageVariantEntry, type Project } from '../load/project.ts';

/**
 * A variant and its control must report different names in their events, or the report could not
 * tell the two arms apart: a variant may not be named after the `variant` of the control's override.
 * (`default`, the name of a control without one, is refused when the file is read.)
 */
export function checkVariants(project: Project): Diagnostic[] {
  const controlName = new Map(project.pageOverrides.map((o) => [`${o.segment}/${o.persona}`, o]));
  const diagnostics: Diagnostic[] = [];
  for (const variant of project.pageVariants) {
    const override = controlName.get(`${variant.segment}/${variant.persona}`);
    diagnostics.push(...hiddenByControlHero(variant, override));
    if (override?.data.variant !== variant.variant) continue;
    const at = override.locate.at(['variant']);
    diagnostics.push({
      severity: 'error',
      rule: 'variant-id',
      file: variant.file,
      line: 1,
      column: 1,
      message: `the variant "${variant.variant}" has the name its control page reports (variant: ${override.data.variant} in ${override.file}${at?.line ? `:${at.line}` : ''}), so the two could not be told apart`,
      hint: `Rename this file, or change variant in ${override.file}: the control and each variant need names of their own.`,
    });
  }
  return diagnostics;
}

/**
 * A variant keeps the sections of its control's override that it does not replace: a headline or
 * value proposition in its front matter would not show under the override's own hero.
 */
function hiddenByControlHero(variant: PageVariantEntry, override: PageOverrideEntry | undefined): Diagnostic[] {
  if (!override || variant.sections.some((s) => s.name === 'hero')) return [];
  return hiddenOverrideFields(
    variant,
    override.sections.map((s) => s.name),
    { file: override.file, hint: (field) => `Write the variant's own <Section name="hero"> block, or delete ${field}.` },
  );
}
