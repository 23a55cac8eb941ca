import { z } from 'zod';
import { isoDateSchema, textSchema, webUrlSchema } from './common.ts';
import { fictionalSchema, proofScopeField } from './proof-common.ts';

export const proofCertificationSchema = z
  .strictObject({
    name: textSchema.max(60).describe('The certification or attestation, like "ISO/IEC 27001" or "SOC 2 Type II".'),
    issuer: textSchema.max(80).describe('Who certified or audited, like an accredited certification body or audit firm.'),
    validUntil: isoDateSchema.describe('Last day the certificate or report is valid (YYYY-MM-DD). Past it the check fails; within 30 days it warns.'),
    evidenceUrl: webUrlSchema.describe('Where a buyer can see or request the evidence: the certificate, a trust centre page.'),
    scope: proofScopeField,
    fictional: fictionalSchema,
  })
  .describe('A security or quality certification: content/proof/certifications/<id>.yaml.');

export type ProofCertification = z.output<typeof proofCertificationSchema>;
