/** The audit report model: header, layer comparison with the scoring module's figures, findings and blockers. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEPENDENCE_STATEMENT } from '../../src/domain/audit/model';
import { auditorLayer } from '../../src/domain/audit/layers';
import { scoreCampaign } from '../../src/domain/scoring/score';
import { buildAuditReport } from '../../src/domain/report/audit-report';
import { audit, auditorRatings, finding, input, referential, scope, self } from './fixtures/audit';

describe('audit report header', () => {
  it('names the audit, the audited structure and the team in French', () => {
    const model = buildAuditReport(input());
    expect(model.title).toBe("Rapport d'audit à blanc");
    expect(buildAuditReport(input({ audit: audit({ kind: 'interne' }) })).title).toBe("Rapport d'audit interne");
    expect(buildAuditReport(input({ audit: audit({ kind: 'croise' }) })).title).toBe("Rapport d'audit croisé");
    expect(model.documentId).toBe('AUD-A1B2C3D4-20260305');
    expect(model.audited).toEqual({
      structureName: 'Œuvre « Solidaire »',
      structureProfile: 'Association · ACI, EI (ensemblier)',
      siret: '',
      region: 'Bretagne',
      campaignName: 'CAP 2026',
      campaignDate: '15 janvier 2026',
      tracks: ['CAP', 'CAP ISO 9001'],
      referentialVersion: '2026.1',
      criteriaInScope: 12,
      scopeNote: 'Siège et chantier de Brest.',
    });
    expect(model.dates.text).toBe('du 2 mars 2026 au 4 mars 2026');
    expect(model.auditors).toEqual([
      { name: 'Élise Durand', role: "Responsable d'audit", organisation: 'Coorace Bretagne' },
      { name: 'Loïc Le Gall', role: 'Observateur', organisation: 'AI de Quimper' },
    ]);
    expect(model.independence).toEqual({ declared: true, statement: DEFAULT_INDEPENDENCE_STATEMENT });
    expect(model.signatures).toEqual(["Le responsable d'audit", 'La direction de la structure auditée']);
  });

  it('says one day, or no date, plainly', () => {
    expect(buildAuditReport(input({ audit: audit({ endDate: '2026-03-02' }) })).dates.text).toBe('le 2 mars 2026');
    expect(buildAuditReport(input({ audit: audit({ startDate: '', endDate: '' }) })).dates).toEqual({ start: null, end: null, text: 'Dates non renseignées' });
  });
});

describe('self-assessment beside the auditor layer', () => {
  it('gives the gaps the scoring module gives, theme by theme and overall', () => {
    const model = buildAuditReport(input());
    const selfScores = scoreCampaign(referential, scope, self);
    const auditorScores = scoreCampaign(referential, scope, auditorLayer(auditorRatings));
    const points = (v: number | null) => Math.round(v! * 100);
    expect(model.comparison.themes.map((t) => t.theme.code)).toEqual(['ID', 'SR', 'SU', 'AC']);
    model.comparison.themes.forEach((line, i) => {
      expect(line.self).toEqual(selfScores.themes[i]!.score);
      expect(line.auditor).toEqual(auditorScores.themes[i]!.score);
      expect(line.gap).toBe(points(auditorScores.themes[i]!.score.value) - points(selfScores.themes[i]!.score.value));
    });
    // By hand: ID 75 → 25 (−50), SR 50 → 50, SU 100 → 75 (−25), AC 25 → 25 (AC.1.1 N/A for the team only).
    expect(model.comparison.themes.map((t) => t.gap)).toEqual([-50, 0, -25, 0]);
    expect(model.comparison.global.self).toEqual(selfScores.global);
    expect(model.comparison.global.auditor).toEqual(auditorScores.global);
    expect(model.comparison.global.gap).toBe(points(auditorScores.global.value) - points(selfScores.global.value));
    expect(model.comparison.global.gap).toBe(-19); // 63 % → 44 %
  });

  it('lists the criteria where the team and the auditor are two levels apart or more', () => {
    const model = buildAuditReport(input());
    expect(model.divergences.map((d) => [d.criterion.code, d.selfLevel, d.auditorLevel, d.gap])).toEqual([
      ['ID.1.1', 3, 1, -2],
      ['ID.2.1', 3, 1, -2],
      ['ID.3.1', 3, 1, -2],
    ]);
    expect(model.divergences[0]!.auditorComment).toBe('Aucune trace écrite.');
    expect([model.divergences[0]!.selfLabel, model.divergences[0]!.auditorLabel]).toEqual(['3 – Déployé', '1 – Initié']);
  });

  it('shows only the auditor layer when the audited structure withheld its levels', () => {
    const model = buildAuditReport(input({ self: null }));
    expect(model.comparison.selfShared).toBe(false);
    expect(model.comparison.global.self).toBeNull();
    expect(model.comparison.global.gap).toBeNull();
    expect(model.comparison.themes).toHaveLength(4);
    expect(model.comparison.themes.every((t) => t.self === null && t.gap === null)).toBe(true);
    expect(model.comparison.global.auditor).toEqual(scoreCampaign(referential, scope, auditorLayer(auditorRatings)).global);
    expect(model.divergences).toEqual([]);
  });
});

describe('findings and certification blockers', () => {
  it('lists non-conformities first, with counts for every kind', () => {
    const model = buildAuditReport(
      input({
        findings: [
          finding('point_fort', { criterionCode: 'SU.1.1' }),
          finding('nc_mineure', { criterionCode: 'SR.2.1', clause: '8.1' }),
          finding('piste_progres', { criterionCode: 'AC.1.1' }),
          finding('nc_majeure', { clause: '7.5' }),
          finding('point_sensible', { criterionCode: 'ID.1.1' }),
          finding('nc_mineure', { criterionCode: 'ID.2.1' }),
        ],
      }),
    );
    expect(model.findings.map((f) => f.kindLabel)).toEqual([
      'Non-conformité majeure',
      'Non-conformité mineure',
      'Non-conformité mineure',
      'Point sensible',
      'Piste de progrès',
      'Point fort',
    ]);
    expect(model.findings.map((f) => f.nonConformity)).toEqual([true, true, true, false, false, false]);
    expect(model.counts).toEqual([
      { kind: 'nc_majeure', label: 'Non-conformité majeure', count: 1 },
      { kind: 'nc_mineure', label: 'Non-conformité mineure', count: 2 },
      { kind: 'point_sensible', label: 'Point sensible', count: 1 },
      { kind: 'piste_progres', label: 'Piste de progrès', count: 1 },
      { kind: 'point_fort', label: 'Point fort', count: 1 },
    ]);
  });

  it('resolves criterion and clause titles in the references', () => {
    const model = buildAuditReport(
      input({ findings: [finding('nc_mineure', { criterionCode: 'SR.2.1', clause: '7.5.3' }), finding('nc_majeure', { clause: '7.5' }), finding('point_fort', { clause: '99.9' })] }),
    );
    expect(model.findings.map((f) => f.references)).toEqual([
      ['ISO 9001 § 7.5 — Informations documentées'],
      ['critère SR.2.1 — Critère SR.2.1', 'ISO 9001 § 7.5.3 — Maîtrise des informations documentées'],
      ['ISO 9001 § 99.9'],
    ]);
  });

  it('blocks a certification audit on a major, or on two minors on the same clause', () => {
    const major = finding('nc_majeure', { clause: '7.5' }, 'Procédures non maîtrisées.');
    const minors = [finding('nc_mineure', { clause: '8.2.1' }), finding('nc_mineure', { criterionCode: 'ID.1.1', clause: '8.2.3' })];
    const model = buildAuditReport(input({ findings: [finding('point_fort', { criterionCode: 'SU.1.1' }), ...minors, major] }));
    expect(model.blockers.map((b) => b.message)).toEqual([
      'Non-conformité majeure (ISO 9001 § 7.5) : Procédures non maîtrisées.',
      "2 non-conformités mineures sur l'article ISO 9001 § 8.2 : elles valent une non-conformité majeure.",
    ]);
    expect(model.verdict).toBe('Avant un audit de certification : 2 point(s) bloquant(s) à lever.');
  });

  it('does not block on minors spread over different clauses', () => {
    const model = buildAuditReport(input({ findings: [finding('nc_mineure', { clause: '7.5' }), finding('nc_mineure', { clause: '8.1' }), finding('point_sensible', { clause: '7.5' })] }));
    expect(model.blockers).toEqual([]);
    expect(model.verdict).toBe('Aucune non-conformité bloquante pour un audit de certification.');
  });
});
