/** The audit report model: header, layer comparison with the scoring module's figures, findings and blockers. */
import { describe, expect, it } from 'vitest';
import { parseReferential, type Referential } from '../../src/domain/referential';
import type { Rating } from '../../src/domain/evaluation/model';
import type { Audit, AuditRating, Finding, FindingKind } from '../../src/domain/audit/model';
import { DEFAULT_INDEPENDENCE_STATEMENT } from '../../src/domain/audit/model';
import { auditorLayer } from '../../src/domain/audit/layers';
import { scoreCampaign } from '../../src/domain/scoring/score';
import { buildAuditReport, type AuditReportInput } from '../../src/domain/report/audit-report';
import { validSources } from './fixtures/sources';

const parsed = parseReferential(validSources());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const referential: Referential = parsed.referential;
const scope = referential.criteria;

const audit = (change: Partial<Audit> = {}): Audit => ({
  id: 'a1b2c3d4-e5f6-7890',
  kind: 'blanc',
  side: 'audited',
  campaignId: 'c1',
  subject: null,
  requestId: null,
  auditingStructure: 'Réseau Coorace Bretagne',
  auditors: [
    { name: 'Élise Durand', role: 'responsable', organisation: 'Coorace Bretagne' },
    { name: 'Loïc Le Gall', role: 'observateur', organisation: 'AI de Quimper' },
  ],
  independence: { declared: true, statement: DEFAULT_INDEPENDENCE_STATEMENT },
  startDate: '2026-03-02',
  endDate: '2026-03-04',
  scopeNote: '  Siège et chantier de Brest.  ',
  conclusion: 'Système solide, documentation à reprendre.',
  requestedAt: null,
  selfRatingsShared: true,
  returnedAt: null,
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...change,
});

const selfRating = (criterionCode: string, level: Rating['level'], na = false): Rating => ({
  campaignId: 'c1',
  criterionCode,
  level: na ? null : level,
  notApplicable: na ? { justification: 'Sans objet.' } : null,
  comment: '',
  toReview: false,
  carriedOver: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const auditorRating = (criterionCode: string, level: AuditRating['level'], comment = ''): AuditRating => ({
  auditId: 'a1b2c3d4-e5f6-7890',
  criterionCode,
  level,
  notApplicable: false,
  comment,
  updatedAt: '2026-03-03T00:00:00.000Z',
});

let findingCount = 0;
const finding = (kind: FindingKind, where: { criterionCode?: string; clause?: string }, statement = `Constat ${kind}`): Finding => ({
  id: `f${++findingCount}`,
  auditId: 'a1b2c3d4-e5f6-7890',
  criterionCode: where.criterionCode ?? null,
  clause: where.clause ?? '',
  kind,
  statement,
  evidenceSeen: 'Registre des réclamations 2025.',
  requirement: kind.startsWith('nc') ? 'Maîtriser les informations documentées.' : '',
  rootCause: '',
  correctiveAction: '',
  actionId: null,
  createdAt: '',
  updatedAt: '',
});

// Self: ID all 3, SR all 2, SU all 4, AC.1.1 N/A and the rest 1. Auditor: ID all 1 (2 levels below), SR 2, SU 3, AC 1.
const self = new Map(
  scope.map((c) => {
    const level = ({ ID: 3, SR: 2, SU: 4, AC: 1 } as const)[c.theme as 'ID' | 'SR' | 'SU' | 'AC'];
    return [c.code, selfRating(c.code, level, c.code === 'AC.1.1')];
  }),
);
const auditorRatings = scope.map((c) =>
  auditorRating(c.code, ({ ID: 1, SR: 2, SU: 3, AC: 1 } as const)[c.theme as 'ID' | 'SR' | 'SU' | 'AC'], c.code === 'ID.1.1' ? 'Aucune trace écrite.' : ''),
);

const input = (change: Partial<AuditReportInput> = {}): AuditReportInput => ({
  referential,
  audit: audit(),
  audited: {
    structureName: 'Œuvre « Solidaire »',
    structureTypes: ['ACI', 'EI'],
    siret: '',
    region: 'Bretagne',
    campaignName: 'CAP 2026',
    campaignDate: '2026-01-15',
    tracks: ['CAP', 'CAP_ISO9001'],
    referentialVersion: '2026.1',
  },
  scope,
  self,
  auditorRatings,
  findings: [],
  now: new Date('2026-03-05T09:30:00.000Z'),
  ...change,
});

describe('audit report header', () => {
  it('names the audit, the audited structure and the team in French', () => {
    const model = buildAuditReport(input());
    expect(model.title).toBe("Rapport d'audit à blanc");
    expect(buildAuditReport(input({ audit: audit({ kind: 'interne' }) })).title).toBe("Rapport d'audit interne");
    expect(buildAuditReport(input({ audit: audit({ kind: 'croise' }) })).title).toBe("Rapport d'audit croisé");
    expect(model.documentId).toBe('AUD-A1B2C3D4-20260305');
    expect(model.audited).toEqual({
      structureName: 'Œuvre « Solidaire »',
      structureTypes: ["Atelier et chantier d'insertion", "Entreprise d'insertion"],
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
