/**
 * The audit report PDF, built in Node with the DejaVu fonts read from public/fonts (the browser fetches them),
 * and read back with unpdf: French text as typed, the blocking alert, the independence warning, the footers.
 */
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { buildAuditReport } from '../../src/domain/report/audit-report';
import { buildAuditReportPdf } from '../../src/components/report/audit-pdf';
import type { FontFiles } from '../../src/components/report/pdf-kit';
import { audit, finding, input } from './fixtures/audit';

const fonts: FontFiles = [readFileSync('public/fonts/DejaVuSans.ttf', 'latin1'), readFileSync('public/fonts/DejaVuSans-Bold.ttf', 'latin1')];

async function pdfText(model: ReturnType<typeof buildAuditReport>) {
  const doc = await buildAuditReportPdf(model, { fonts });
  const pdf = await getDocumentProxy(new Uint8Array(doc.output('arraybuffer')));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  // pdf.js breaks lines where table cells wrap: compare on single spaces.
  return { totalPages, text: text.replace(/\s+/g, ' '), outline: ((await pdf.getOutline()) ?? []).map((o) => o.title) };
}

const STATEMENT = 'Procédures « qualité » non maîtrisées – œuvre 1 234,50 €';

describe('audit report PDF', () => {
  it('prints the audit in French, with the blocking alert and the findings', async () => {
    const model = buildAuditReport(
      input({
        findings: [
          finding('point_fort', { criterionCode: 'SU.1.1' }, 'Accueil des salariés exemplaire.'),
          finding('nc_majeure', { clause: '7.5' }, STATEMENT),
          finding('nc_mineure', { criterionCode: 'ID.1.1', clause: '8.1' }, 'Revue de direction incomplète.'),
        ],
      }),
    );
    const { text, totalPages, outline } = await pdfText(model);
    expect(text).toContain("Rapport d'audit à blanc");
    expect(text).toContain('Œuvre « Solidaire »');
    expect(text).toContain('AUD-A1B2C3D4-20260305');
    expect(text).toContain('du 2 mars 2026 au 4 mars 2026');
    expect(text).toContain("Élise Durand Responsable d'audit Coorace Bretagne");
    expect(text).toContain('Loïc Le Gall Observateur AI de Quimper');
    expect(text).toContain("Les auditeurs déclarent n'avoir aucun lien de client");
    expect(text).toContain("Déclaration signée par l'équipe d'audit.");
    expect(text).not.toContain('Déclaration non signée');
    expect(text).toContain('Avant un audit de certification : 1 point(s) bloquant(s) à lever.');
    expect(text).toContain(`Non-conformité majeure (ISO 9001 § 7.5) : ${STATEMENT}`);
    expect(text).toContain('Non-conformité mineure');
    expect(text).toContain('Point fort');
    expect(text).toContain('ISO 9001 § 7.5 — Informations documentées');
    expect(text).toContain('Score global 63 % 44 % −19 pts');
    expect(text).toContain('ID.1.1 Critère ID.1.1 3 – Déployé 1 – Initié −2 Aucune trace écrite.');
    expect(text).toContain('Système solide, documentation à reprendre.');
    expect(text).toContain("Le responsable d'audit — nom, date et signature");
    expect(text).toContain('La direction de la structure auditée — nom, date et signature');
    expect(text).toContain(`Page 1 / ${totalPages}`);
    expect(text).toContain(`Page ${totalPages} / ${totalPages}`);
    expect(outline).toEqual([
      'Périmètre et dates',
      "Équipe d'audit",
      "Déclaration d'indépendance",
      'Synthèse',
      'Constats (3)',
      "Écarts d'appréciation",
      'Conclusion',
      'Signatures',
    ]);
  });

  it('warns of an unsigned declaration, and shows only the auditor when levels were withheld', async () => {
    const model = buildAuditReport(input({ self: null, audit: audit({ kind: 'croise', independence: { declared: false, statement: '' } }) }));
    const { text } = await pdfText(model);
    expect(text).toContain("Rapport d'audit croisé");
    expect(text).toContain('Déclaration non signée');
    expect(text).toContain('Aucune non-conformité bloquante pour un audit de certification.');
    expect(text).toContain("seule l'appréciation de l'auditeur figure ici");
    expect(text).toContain('Score global 44 % 12 / 12');
    expect(text).toContain('Aucun constat enregistré.');
  });
});
