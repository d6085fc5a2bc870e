/**
 * The group management review (ISO 9001 § 9.3.2 inputs, consolidated) and the certification-body pack: the models
 * on a hand-built five-member group, then both PDFs built in Node (DejaVu read from public/fonts) and read back
 * with unpdf, then the review PDF for 600 members against its 3 s budget.
 */
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { jsPDF } from 'jspdf';
import type { GroupConsole, HeldShare, NcExtension } from '../../src/domain/group/console-model';
import { consolidate, type Consolidation } from '../../src/domain/group/consolidation';
import { programmeCoverage, type AuditDone, type ProgrammeMember } from '../../src/domain/group/audit-programme';
import { drawSample, rationaleLines, type SampleDraw } from '../../src/domain/group/sampling';
import type { SharedAction, SharedAudit, SharedCampaign, SharedFinding } from '../../src/domain/group/share-model';
import {
  buildGroupReview,
  closureText,
  fingerprintSource,
  findingsText,
  groupDataFingerprint,
  reviewPeriod,
  weakestAndStrongest,
  type ThemeInfo,
} from '../../src/domain/report/group-review';
import { annexEligibility, buildCertificationPack, latestDraw } from '../../src/domain/report/certification-pack';
import { buildCertificationPackPdf, buildGroupReviewPdf } from '../../src/components/report/group-pdf';
import type { FontFiles } from '../../src/components/report/pdf-kit';

const fonts: FontFiles = [readFileSync('public/fonts/DejaVuSans.ttf', 'latin1'), readFileSync('public/fonts/DejaVuSans-Bold.ttf', 'latin1')];

const TODAY = '2026-06-15';
const GENERATED = '2026-06-15T09:30:00.000Z';
const SHA = 'ab12cd34'.padEnd(64, '0');

const THEMES: ThemeInfo[] = [
  { code: 'ID', title: 'Identité', subThemes: [{ code: 'ID.1', title: 'Valeurs ESS' }, { code: 'ID.2', title: 'Projet de structure' }] },
  { code: 'SR', title: 'Services rendus', subThemes: [{ code: 'SR.1', title: 'Accueil' }, { code: 'SR.4', title: 'Production et clients' }] },
];
const THEME_CODES = THEMES.map((t) => t.code);

// ——— fixtures ———

const score = (value: number | null) => ({ value, rated: value === null ? 0 : 4, applicable: 4 });
/** A campaign with ID = mean-free given values: [ID, ID.1, ID.2, SR, SR.1, SR.4]. */
function campaign(id: string, date: string, global: number | null, v: (number | null)[] = [global, global, global, global, global, global], alerts: SharedCampaign['alerts'] = []): SharedCampaign {
  const [id0 = null, id1 = null, id2 = null, sr0 = null, sr1 = null, sr4 = null] = v;
  return {
    id,
    name: `Campagne ${date}`,
    date,
    tracks: ['CAP'],
    referentialVersion: '2026.2',
    global: score(global),
    themes: [
      { code: 'ID', score: score(id0), subThemes: [{ code: 'ID.1', score: score(id1) }, { code: 'ID.2', score: score(id2) }] },
      { code: 'SR', score: score(sr0), subThemes: [{ code: 'SR.1', score: score(sr1) }, { code: 'SR.4', score: score(sr4) }] },
    ],
    alerts,
    levels: null,
  };
}
const finding = (id: string, kind: SharedFinding['kind'], clause: string, statement: string, correctiveStatus: SharedFinding['correctiveStatus'] = 'aucune'): SharedFinding => ({
  id,
  criterionCode: null,
  clause,
  kind,
  statement,
  requirement: '',
  correctiveAction: kind.startsWith('nc') ? `Corriger : ${statement}` : '',
  correctiveStatus,
});
const audit = (id: string, kind: SharedAudit['kind'], date: string, findings: SharedFinding[]): SharedAudit => ({
  id,
  kind,
  campaignId: 'c',
  auditingStructure: 'Coorace Centre',
  auditors: ['Élise Durand'],
  startDate: date,
  endDate: date,
  findings,
});
const action = (id: string, title: string, status: SharedAction['status'], dueDate: string, imposedActionId: string | null = null): SharedAction => ({
  id,
  campaignId: 'c',
  title,
  criterionCodes: [],
  status,
  priority: 'haute',
  dueDate,
  imposedActionId,
});

interface MemberSpec {
  id: string;
  name: string;
  agreementDate: string | null;
  campaigns: SharedCampaign[];
  audits?: SharedAudit[];
  actions?: SharedAction[];
  siret?: string;
  region?: string;
}
function held(m: MemberSpec): HeldShare {
  return {
    structureId: m.id,
    shareId: `share-${m.id}`,
    sha256: `${m.id}`.padEnd(64, 'f'),
    exportedAt: '2026-06-01T10:00:00.000Z',
    importedAt: '2026-06-02T10:00:00.000Z',
    fileName: `${m.id}.json`,
    content: {
      shareId: `share-${m.id}`,
      recipient: 'Groupe CAP Bretagne',
      detail: 'scores',
      structure: {
        id: m.id,
        name: m.name,
        siret: m.siret ?? '',
        region: m.region ?? 'Bretagne',
        legalForm: 'ASSOCIATION',
        conventionnements: ['AI', 'ACI'],
        ensemblier: true,
        essCompany: false,
        group: { role: 'member', name: 'Groupe CAP Bretagne', agreementDate: m.agreementDate },
        headcount: null,
      },
      campaigns: m.campaigns.slice(-1),
      audits: m.audits ?? [],
      actions: m.actions ?? [],
    },
    earlierCampaigns: m.campaigns.slice(0, -1),
  };
}

const group: GroupConsole = {
  key: 'console',
  mode: 'certification',
  name: 'Groupe CAP Bretagne',
  centralFunction: 'Coorace Centre',
  certificationBody: 'AFNOR Certification',
  cycleStart: '2025-01-01',
  currentAudit: 'surveillance2',
  currentAuditDate: '2026-09-15',
  previousAuditDate: '2025-10-01',
  review: { date: '2026-06-10', participants: 'Marie Curie (présidente), Loïc Le Gall (qualité)', decisions: 'Former 3 auditeurs « internes » – budget 1 234,50 €.' },
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2026-06-10T00:00:00.000Z',
};

const shares: HeldShare[] = [
  held({
    id: 'central',
    name: 'Coorace Centre',
    agreementDate: null,
    siret: '11111111100011',
    campaigns: [campaign('c-central', '2026-03-01', 0.8)],
  }),
  held({
    id: 'alpha',
    name: 'Alpha Insertion',
    agreementDate: '2024-05-01',
    siret: '22222222200022',
    campaigns: [
      campaign('a-2025', '2025-02-01', 0.5),
      campaign('a-2026', '2026-02-01', 0.6, [0.5, 0.4, 0.6, 0.7, 0.6, 0.8], [{ criterionCode: 'SU.6.1', title: 'Registre du personnel', level: 0, mayApply: '' }]),
    ],
    audits: [audit('au-alpha', 'interne', '2026-01-20', [finding('f-major', 'nc_majeure', '7.5', 'Procédures « qualité » non maîtrisées', 'en_cours'), finding('f-pp', 'piste_progres', '9.1', 'Mesurer la satisfaction des clients')])],
    actions: [action('act-late', 'Mettre à jour le DUERP', 'a_lancer', '2026-05-01')],
  }),
  held({
    id: 'beta',
    name: 'Béta Services',
    agreementDate: '2025-12-01',
    campaigns: [campaign('b-2026', '2026-04-01', 0.4, [0.3, 0.2, 0.4, 0.5, 0.5, null])],
    audits: [audit('au-beta', 'croise', '2026-03-10', [finding('f-minor', 'nc_mineure', '8.1', 'Contrats non revus'), finding('f-pf', 'point_fort', '', 'Accueil exemplaire')])],
    actions: [action('act-beta', 'Maîtriser les procédures', 'realisee', '2026-05-31', 'imp-beta')],
  }),
  held({
    id: 'gamma',
    name: 'Gamma Chantiers',
    agreementDate: null,
    campaigns: [campaign('g-2025', '2025-01-10', 0.7, [0.7, 0.7, 0.7, 0.6, 0.6, 0.6])],
    audits: [audit('au-gamma', 'interne', '2025-06-01', [finding('f-old', 'nc_mineure', '8.1', 'Ancienne NC', 'realisee'), finding('f-old-pp', 'piste_progres', '7.1', 'Ancienne piste')])],
  }),
  held({
    id: 'delta',
    name: 'Delta Emploi',
    agreementDate: '2023-01-01',
    campaigns: [campaign('d-2026', '2026-05-01', null)],
  }),
];
const shareMap = new Map(shares.map((s) => [s.structureId, s]));

const extension: NcExtension = {
  id: 'ext-1',
  source: { structureId: 'alpha', auditId: 'au-alpha', findingId: 'f-major' },
  systemic: true,
  analysis: 'Procédure commune à tous les membres.',
  othersNotAffectedBecause: 'Delta a sa propre procédure.',
  affected: [
    { structureId: 'beta', why: 'Même procédure' },
    { structureId: 'gamma', why: 'Même procédure' },
  ],
  action: { title: 'Maîtriser les procédures', description: '', reason: '', dueDate: '2026-05-31', priority: 'haute', criterionCodes: [], clause: '7.5' },
  imposed: [
    { structureId: 'beta', actionId: 'imp-beta', sentAt: '2026-02-01T00:00:00.000Z' },
    { structureId: 'gamma', actionId: 'imp-gamma', sentAt: '2026-02-01T00:00:00.000Z' },
  ],
  createdAt: '2026-02-01T00:00:00.000Z',
  updatedAt: '2026-02-01T00:00:00.000Z',
};

const programme: ProgrammeMember[] = [
  { structureId: 'alpha', name: 'Alpha Insertion', eligible: true },
  { structureId: 'beta', name: 'Béta Services', eligible: true },
  { structureId: 'gamma', name: 'Gamma Chantiers', eligible: false },
  { structureId: 'delta', name: 'Delta Emploi', eligible: true },
];
const done: AuditDone[] = [
  { structureId: 'alpha', kind: 'interne', date: '2026-01-20', auditingStructure: 'Coorace Centre' },
  { structureId: 'beta', kind: 'croise', date: '2026-03-10', auditingStructure: 'Alpha Insertion' },
  { structureId: 'gamma', kind: 'interne', date: '2025-06-01', auditingStructure: 'Coorace Centre' },
];
const coverage = programmeCoverage(programme, done, { start: group.cycleStart, years: 3 }, TODAY, [{ id: 'p1', auditedId: 'delta', auditorIds: [], quarter: '2026-T1' }]);

const consolidation: Consolidation = consolidate(shares, { today: TODAY, themeCodes: THEME_CODES, centralName: group.centralFunction });
const reviewInput = { group, consolidation, themes: THEMES, extensions: [extension], shares: shareMap, coverage, today: TODAY, generatedAt: GENERATED, dataSha256: SHA };

// ——— review model ———

describe('group management review model', () => {
  const model = buildGroupReview(reviewInput);

  it('identifies the document and the period since the last certification audit', () => {
    expect(model.documentId).toBe('GRP-REV-AB12CD34-20260615');
    expect(model.reviewDate).toBe('2026-06-10');
    expect(model.period).toEqual({ since: '2025-10-01', until: '2026-06-10', basis: 'previous_audit' });
    expect(model.memberCount).toBe(5);
    // No previous audit: the 12 months before the review.
    expect(reviewPeriod({ previousAuditDate: '' }, '2026-06-10')).toEqual({ since: '2025-06-10', until: '2026-06-10', basis: 'twelve_months' });
    // An unwritten review date falls back to today.
    expect(buildGroupReview({ ...reviewInput, group: { ...group, review: { date: '', participants: '', decisions: '' } } }).reviewDate).toBe(TODAY);
  });

  it('a) follows each imposed action through the affected members’ shares', () => {
    // Béta's share carries imp-beta as « réalisée »; Gamma's does not carry imp-gamma, which was sent → « envoyée ».
    // Due 2026-05-31 < today and not every member done → overdue, not closed.
    expect(model.previousActions.closed).toBe(0);
    expect(model.previousActions.overdue).toBe(1);
    const [item] = model.previousActions.items;
    expect(item).toMatchObject({ title: 'Maîtriser les procédures', clause: '7.5', sourceMember: 'Alpha Insertion', systemic: true, affected: 2, closed: false, overdue: true });
    expect(item!.byStatus).toEqual({ a_envoyer: 0, envoyee: 1, a_lancer: 0, en_cours: 0, realisee: 1, abandonnee: 0 });
    expect(closureText(item!.byStatus)).toBe('Envoyée, pas encore au plan partagé : 1 · Réalisée : 1');
  });

  it('b) lists members who joined in the period, stale self-assessments, unsigned members', () => {
    // Béta signed 2025-12-01, inside (2025-10-01, 2026-06-10]; Alpha (2024) and Delta (2023) before.
    expect(model.changes.joined).toEqual({ items: [{ name: 'Béta Services', agreementDate: '2025-12-01' }], more: 0 });
    // Gamma's latest campaign (2025-01-10) is older than 2025-06-15 (12 months before today).
    expect(model.changes.stale).toEqual({ items: [{ name: 'Gamma Chantiers', latestDate: '2025-01-10' }], more: 0 });
    // The central function is not asked for an agreement.
    expect(model.changes.withoutAgreement).toEqual({ items: ['Gamma Chantiers'], more: 0 });
  });

  it('c1–c3) prints the distributions of consolidate(), titled from the referential', () => {
    // SR latest: Alpha .7, Béta .5, Centre .8, Gamma .6 (Delta null) → [.5 .6 .7 .8], median (.6+.7)/2 = .65.
    expect(model.satisfaction.map((l) => [l.code, l.title, l.quartiles?.n])).toEqual([
      ['SR', 'Services rendus', 4],
      ['SR.4', 'Production et clients', 3],
    ]);
    expect(model.satisfaction[0]!.quartiles!.median).toBeCloseTo(0.65, 10);
    // SR.4: Alpha .8, Centre .8, Gamma .6 (Béta null) → [.6 .8 .8], median .8.
    expect(model.satisfaction[1]!.quartiles!.median).toBeCloseTo(0.8, 10);
    // Global: [.4 .6 .7 .8] → q1 at 0.75: .4 + .75 × .2 = .55; median .65; q3 at 2.25: .7 + .25 × .1 = .725.
    expect(model.objectives.global).toMatchObject({ n: 4, min: 0.4, max: 0.8 });
    expect(model.objectives.global!.q1).toBeCloseTo(0.55, 10);
    expect(model.objectives.global!.q3).toBeCloseTo(0.725, 10);
    expect(model.objectives.themes.map((l) => l.code)).toEqual(['ID', 'SR']);
    // Trend: 2025 → Alpha .5, Gamma .7 → .6 (2); 2026 → Alpha .6, Béta .4, Centre .8 → .6 (3); Delta has no score.
    expect(model.objectives.trend.map((t) => [t.year, Number(t.mean!.toFixed(6)), t.members])).toEqual([
      ['2025', 0.6, 2],
      ['2026', 0.6, 3],
    ]);
    expect(model.processes.map((p) => [p.code, p.subThemes.map((s) => s.code)])).toEqual([
      ['ID', ['ID.1', 'ID.2']],
      ['SR', ['SR.1', 'SR.4']],
    ]);
  });

  it('c4) counts open non-conformities by severity, clause and corrective status, with the extension analysis', () => {
    // Open: Alpha's major (en cours), Béta's minor (no action); Gamma's minor is carried out, so closed.
    expect(model.nonConformities.bySeverity).toEqual({ major: 1, minor: 1 });
    expect(model.nonConformities.byClause).toEqual([
      { clause: '7.5', major: 1, minor: 0 },
      { clause: '8.1', major: 0, minor: 1 },
    ]);
    expect(model.nonConformities.byCorrectiveStatus).toEqual([
      { status: 'aucune', count: 1 },
      { status: 'en_cours', count: 1 },
    ]);
    expect(model.nonConformities.open.items.map((o) => [o.memberName, o.kind])).toEqual([
      ['Alpha Insertion', 'nc_majeure'],
      ['Béta Services', 'nc_mineure'],
    ]);
    expect(model.nonConformities.extensions).toEqual([
      {
        id: 'ext-1',
        sourceMember: 'Alpha Insertion',
        statement: 'Procédures « qualité » non maîtrisées',
        kind: 'nc_majeure',
        clause: '7.5',
        systemic: true,
        analysis: 'Procédure commune à tous les membres.',
        othersNotAffectedBecause: 'Delta a sa propre procédure.',
        affected: 2,
        closed: false,
      },
    ]);
  });

  it('c5–c6) lists alerts by member, the programme coverage and the audits of the period', () => {
    expect(model.monitoring).toEqual({ members: { items: [{ name: 'Alpha Insertion', alerts: [{ criterionCode: 'SU.6.1', title: 'Registre du personnel', level: 0 }] }], more: 0 }, memberCount: 1, total: 1 });
    // Eligible: Alpha, Béta, Delta (3); audited in the cycle: Alpha, Béta → ⌊200 / 3⌋ = 66 %. Delta was planned
    // in 2026-T1, over by 2026-06-15 → late.
    expect(model.audits.coverage).toEqual({ eligible: 3, audited: 2, percentage: 66, byStatus: { audite: 2, planifie: 0, a_planifier: 0, en_retard: 1 } });
    expect(model.audits.notCovered).toEqual({ items: [{ name: 'Delta Emploi', status: 'en_retard', lastAudit: null, plannedQuarters: ['2026-T1'] }], more: 0 });
    // Gamma's 2025-06-01 audit is before the period.
    expect(model.audits.inPeriodCount).toBe(2);
    expect(model.audits.inPeriod.items.map((a) => [a.date, a.memberName, a.kind])).toEqual([
      ['2026-03-10', 'Béta Services', 'croise'],
      ['2026-01-20', 'Alpha Insertion', 'interne'],
    ]);
    expect(findingsText(model.audits.findingTotals)).toBe('1 non-conformité majeure, 1 non-conformité mineure, 1 piste de progrès, 1 point fort');
    expect(findingsText(model.audits.inPeriod.items[0]!.findings)).toBe('1 non-conformité mineure, 1 point fort');
  });

  it('e–f) names overdue actions, weakest and strongest sub-themes, and the period’s pistes de progrès', () => {
    expect(model.risks.overdue).toEqual({ items: [{ memberName: 'Alpha Insertion', title: 'Mettre à jour le DUERP', dueDate: '2026-05-01', status: 'À lancer', imposed: false }], more: 0 });
    expect(model.risks.overdueCount).toBe(1);
    expect(model.risks.blockingMajors).toBe(1);
    // Medians: ID.1 [.2 .4 .7 .8] → .55; SR.1 [.5 .6 .6 .8] → .6; ID.2 [.4 .6 .7 .8] → .65; SR.4 → .8.
    expect(model.risks.weakest.map((l) => l.code)).toEqual(['ID.1', 'SR.1', 'ID.2']);
    // The three weakest are never also opportunities: only SR.4 is left.
    expect(model.risks.strongest.map((l) => [l.code, l.title])).toEqual([['SR.4', 'Production et clients']]);
    expect(model.improvements).toEqual({
      total: 1,
      byClause: [{ clause: '9.1', count: 1 }],
      items: { items: [{ memberName: 'Alpha Insertion', date: '2026-01-20', clause: '9.1', statement: 'Mesurer la satisfaction des clients' }], more: 0 },
    });
    expect(model.decisions).toEqual({ participants: group.review.participants, text: group.review.decisions });
  });

  it('breaks ties between equal medians by code', () => {
    const q = (median: number) => ({ n: 1, min: median, q1: median, median, q3: median, max: median });
    const d = new Map([['B.1', q(0.5)], ['A.1', q(0.5)], ['C.1', q(0.9)]]);
    const { weakest, strongest } = weakestAndStrongest(d, new Map(), 1);
    expect(weakest.map((l) => l.code)).toEqual(['A.1']);
    expect(strongest.map((l) => l.code)).toEqual(['C.1']);
  });

  it('leaves no member row figure for a follow-up console without agreements or coverage', () => {
    const model = buildGroupReview({ ...reviewInput, group: { ...group, mode: 'suivi' }, coverage: null });
    expect(model.changes.withoutAgreement).toEqual({ items: [], more: 0 });
    expect(model.audits.coverage).toBeNull();
    expect(model.audits.notCovered).toEqual({ items: [], more: 0 });
  });
});

describe('console fingerprint', () => {
  const base = { group, shares, extensions: [extension], plan: [{ id: 'p2' }, { id: 'p1' }], draws: [] };
  it('ignores order and save timestamps, and follows any share change', async () => {
    const same = { ...base, group: { ...group, updatedAt: '2030-01-01T00:00:00.000Z' }, shares: [...shares].reverse(), plan: [{ id: 'p1' }, { id: 'p2' }] };
    expect(fingerprintSource(same)).toBe(fingerprintSource(base));
    const a = await groupDataFingerprint(base);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await groupDataFingerprint({ ...base, shares: shares.map((s, i) => (i === 0 ? { ...s, sha256: '0'.repeat(64) } : s)) })).not.toBe(a);
    expect(await groupDataFingerprint({ ...base, group: { ...group, review: { ...group.review, decisions: 'Autre' } } })).not.toBe(a);
  });
});

// ——— certification pack ———

const sampleMembers = programme.map((p) => ({
  structureId: p.structureId,
  name: p.name,
  agreementDate: p.eligible ? '2024-01-01' : null,
  risk: { openNonConformities: { major: 0, minor: 0 }, globalScore: 0.6, previousGlobalScore: null, overdueActions: 0, isNew: false, visitedThisCycle: true },
}));
const draw = (auditType: SampleDraw['auditType'], seed: number) =>
  drawSample({ auditType, seed, drawDate: '2026-06-01', previousAuditDate: '2025-10-01', central: { structureId: 'central', name: 'Coorace Centre' }, members: sampleMembers });
const older = { ...draw('surveillance2', 7), id: 'd1', recordedAt: '2026-05-01T10:00:00.000Z' };
const newer = { ...draw('surveillance2', 42), id: 'd2', recordedAt: '2026-06-01T10:00:00.000Z' };

describe('certification-body pack model', () => {
  const pack = buildCertificationPack({ group, members: consolidation.rows, draws: [older, newer], coverage, today: TODAY, generatedAt: GENERATED, dataSha256: SHA });

  it('lists the central function first, then members by name, each with its eligibility', () => {
    expect(pack.documentId).toBe('GRP-CERT-AB12CD34-20260615');
    expect(pack.annex.rows.map((r) => [r.name, r.eligible])).toEqual([
      ['Coorace Centre', true],
      ['Alpha Insertion', true],
      ['Béta Services', true],
      ['Delta Emploi', true],
      ['Gamma Chantiers', false],
    ]);
    expect(pack.annex).toMatchObject({ eligible: 4, ineligible: 1 });
    expect(pack.annex.rows[1]).toEqual({
      name: 'Alpha Insertion',
      siret: '22222222200022',
      region: 'Bretagne',
      conventionnements: 'AI, ACI',
      agreementDate: '2024-05-01',
      isCentral: false,
      eligible: true,
      reason: "Convention d'adhésion signée le 1 mai 2024.",
    });
    expect(pack.annex.rows[4]!.reason).toBe("Pas de convention d'adhésion au groupe signée.");
    expect(pack.central).toEqual({ name: 'Coorace Centre', siret: '11111111100011', region: 'Bretagne', shared: true });
    // A cycle from 2025-01-01 ends on 2027-12-31 (cycleEnd 2028-01-01 is outside it).
    expect(pack.cycleText).toBe('du 1 janvier 2025 au 31 décembre 2027');
  });

  it('says why a member is not eligible: unreadable or future agreement', () => {
    expect(annexEligibility({ agreementDate: '2026-02-30', isCentral: false }, TODAY)).toEqual({ eligible: false, reason: "Date de signature de la convention d'adhésion illisible (« 2026-02-30 »)." });
    expect(annexEligibility({ agreementDate: '2026-07-01', isCentral: false }, TODAY)).toEqual({ eligible: false, reason: "Convention d'adhésion signée le 1 juillet 2026, après la date de ce dossier." });
    expect(annexEligibility({ agreementDate: TODAY, isCentral: false }, TODAY).eligible).toBe(true);
  });

  it('sends the latest recorded draw, whatever the order, with its rationale', () => {
    expect(latestDraw([newer, older])).toBe(newer);
    expect(pack.sample).toMatchObject({ recordedAt: newer.recordedAt, auditLabel: 'Surveillance 2', seed: 42, drawDate: '2026-06-01', memberCount: 3, warning: null });
    expect(pack.sample!.rationale).toEqual(rationaleLines(newer));
    // x = 3 (Gamma unsigned): ⌈0,6 × √3⌉ = ⌈1.04⌉ = 2 sites, plus the central function.
    expect(pack.sample!.selected[0]).toEqual({ name: 'Coorace Centre', cohort: '—', reason: 'Fonction centrale', riskScore: null });
    expect(pack.sample!.selected).toHaveLength(3);
  });

  it('warns when the draw was made for another audit, and says when there is none', () => {
    const other = buildCertificationPack({ group, members: [], draws: [{ ...draw('surveillance1', 3), recordedAt: GENERATED }], coverage: null, today: TODAY, generatedAt: GENERATED, dataSha256: SHA });
    expect(other.sample!.warning).toBe("Ce tirage a été fait pour l'audit « Surveillance 1 », alors que l'audit à venir est « Surveillance 2 » : refaites un tirage pour cet audit.");
    expect(other.central).toEqual({ name: 'Coorace Centre', siret: '', region: '', shared: false });
    const none = buildCertificationPack({ group: { ...group, cycleStart: '' }, members: [], draws: [], coverage: null, today: TODAY, generatedAt: GENERATED, dataSha256: SHA });
    expect(none.sample).toBeNull();
    expect(none.cycleText).toBeNull();
  });
});

// ——— PDFs, read back ———

async function read(doc: jsPDF) {
  const pdf = await getDocumentProxy(new Uint8Array(doc.output('arraybuffer')));
  const { totalPages, text } = await extractText(pdf, { mergePages: true });
  // pdf.js breaks lines where table cells wrap: compare on single spaces.
  return { totalPages, text: text.replace(/\s+/g, ' '), outline: ((await pdf.getOutline()) ?? []).map((o) => ({ title: o.title, items: o.items.map((i) => i.title) })) };
}

describe('group PDFs', () => {
  it('prints the review in the order of § 9.3.2, with the decisions, contents, bookmarks and footers', async () => {
    const { text, totalPages, outline } = await read(await buildGroupReviewPdf(buildGroupReview(reviewInput), { fonts }));
    expect(text).toContain('Revue de direction du groupe');
    expect(text).toContain('Revue du 10 juin 2026');
    expect(text).toContain('SHA-256 des données');
    expect(text).toContain(SHA);
    expect(text).toContain('GRP-REV-AB12CD34-20260615');
    expect(text).toContain('Période examinée : du 1 octobre 2025 au 10 juin 2026 (depuis le dernier audit de certification).');
    expect(text).toContain('Maîtriser les procédures (§ 7.5) Alpha Insertion — systémique 31 mai 2026 (en retard) 2');
    expect(text).toContain('Envoyée, pas encore au plan partagé : 1 · Réalisée : 1');
    expect(text).toContain('Béta Services 1 décembre 2025');
    expect(text).toContain("La satisfaction des clients et des personnes accompagnées n'est pas recueillie par la console de groupe.");
    // [.5 .6 .7 .8]: q1 .5 + .75 × .1 = .575, which binary stores as 0.57499…, so formatScore rounds it to 57 %; q3 .725 → 73 %.
    expect(text).toContain('SR Services rendus 4 50 % 57 % 65 % 73 % 80 %');
    expect(text).toContain('Score global des membres (dernière auto-évaluation, 4 membre(s)) : médiane 65 %');
    expect(text).toContain('2025 60 % 2');
    expect(text).toContain('Non-conformités ouvertes : 1 majeure(s), 1 mineure(s).');
    expect(text).toContain('§ 7.5 1 0');
    expect(text).toContain('Procédures « qualité » non maîtrisées');
    expect(text).toContain('Systémique : Procédure commune à tous les membres.');
    expect(text).toContain('SU.6.1 Registre du personnel (niveau 0)');
    expect(text).toContain("Programme d'audit interne : 2 membre(s) adhérent(s) sur 3 audité(s) dans le cycle (66 %)");
    expect(text).toContain('Delta Emploi En retard aucun T1 2026');
    expect(text).toContain('Audits de la période (2) : 1 non-conformité majeure, 1 non-conformité mineure, 1 piste de progrès, 1 point fort.');
    expect(text).toContain('Non couvert par la console');
    expect(text).toContain('Alpha Insertion Mettre à jour le DUERP 1 mai 2026, à lancer');
    expect(text).toContain('ID.1 Valeurs ESS 4 20 %');
    expect(text).toContain('Mesurer la satisfaction des clients');
    expect(text).toContain('Participants : Marie Curie (présidente), Loïc Le Gall (qualité).');
    expect(text).toContain('Former 3 auditeurs « internes » – budget 1 234,50 €.');
    expect(text).toContain('Sommaire');
    expect(text).toContain(`Page 1 / ${totalPages}`);
    expect(text).toContain(`Page ${totalPages} / ${totalPages}`);
    expect(outline.map((o) => o.title)).toEqual([
      'Objet de la revue',
      'a) État des actions issues des revues précédentes',
      'b) Évolution des enjeux externes et internes',
      'c) Performance et efficacité du système de management',
      'd) Adéquation des ressources',
      'e) Efficacité des actions face aux risques et opportunités',
      "f) Opportunités d'amélioration",
      'Décisions et actions',
      'Annexe : méthode',
      'Sommaire',
    ]);
    expect(outline[3]!.items).toEqual([
      'c1) Satisfaction des clients et retours des parties intéressées',
      'c2) Atteinte des objectifs qualité',
      'c3) Performance des processus et conformité des services',
      'c4) Non-conformités et actions correctives',
      'c5) Résultats de la surveillance et de la mesure',
      "c6) Résultats d'audits",
      'c7) Performance des prestataires externes',
    ]);
  });

  it('prints the certification-body pack: annex, sample with its rationale, coverage', async () => {
    const pack = buildCertificationPack({ group, members: consolidation.rows, draws: [older, newer], coverage, today: TODAY, generatedAt: GENERATED, dataSha256: SHA });
    const { text, totalPages, outline } = await read(await buildCertificationPackPdf(pack, { fonts }));
    expect(text).toContain("Dossier pour l'organisme certificateur");
    expect(text).toContain('GRP-CERT-AB12CD34-20260615');
    expect(text).toContain(SHA);
    expect(text).toContain('5 (4 éligible(s), 1 non éligible(s))');
    expect(text).toContain("Alpha Insertion SIRET 22222222200022 Bretagne AI, ACI Oui — Convention d'adhésion signée le 1 mai 2024.");
    expect(text).toContain('Béta Services SIRET non renseigné');
    expect(text).toContain("Non — Pas de convention d'adhésion au groupe signée.");
    expect(text).toContain('graine 42');
    expect(text).toContain('Coorace Centre — Fonction centrale');
    expect(text).toContain('Tirage reproductible : générateur pseudo-aléatoire mulberry32, graine 42.');
    expect(text).toContain('Delta Emploi En retard Aucun audit Planifié : T1 2026');
    expect(text).toContain('Gamma Chantiers (non adhérent) Audité dans le cycle 1 juin 2025 — Audit interne, par Coorace Centre');
    expect(text).toContain(`Page ${totalPages} / ${totalPages}`);
    expect(outline.map((o) => o.title)).toEqual(['Fonction centrale', 'Liste des membres pour l’annexe du certificat', 'Échantillon de sites et sa justification', "Couverture du programme d'audit interne", 'Sommaire']);

    const empty = await read(await buildCertificationPackPdf(buildCertificationPack({ group, members: [], draws: [], coverage: null, today: TODAY, generatedAt: GENERATED, dataSha256: SHA }), { fonts }));
    expect(empty.text).toContain('Aucun tirage enregistré');
  });

  it('prints an empty follow-up console without failing, saying what is missing', async () => {
    const empty = consolidate([], { today: TODAY, themeCodes: THEME_CODES });
    const model = buildGroupReview({ ...reviewInput, group: { ...group, mode: 'suivi', previousAuditDate: '', review: { date: '', participants: '', decisions: '' } }, consolidation: empty, shares: new Map(), extensions: [], coverage: null });
    const { text } = await read(await buildGroupReviewPdf(model, { fonts }));
    expect(text).toContain('Période examinée : du 15 juin 2025 au 15 juin 2026 (12 mois précédant la revue).');
    expect(text).toContain("Aucune action imposée aux membres : aucune non-conformité n'a été étendue à d'autres structures.");
    expect(text).toContain("Aucun membre n'a encore de score global.");
    expect(text).toContain('SR Services rendus 0 — — — — —');
    expect(text).toContain("Programme d'audit interne : pas de cycle de certification renseigné dans la console, la couverture n'est pas calculée.");
    expect(text).toContain('Aucun sous-thème évalué.');
    expect(text).toContain('Aucune décision enregistrée');
    expect(text).not.toContain("Membres sans convention d'adhésion signée");
  });

  it('builds the review of 600 members within its 3 s budget, listing every major and 50 of each other list', async () => {
    const many = Array.from({ length: 600 }, (_, i) => {
      const v = (i % 97) / 100;
      return held({
        id: `m${String(i).padStart(3, '0')}`,
        name: `Structure ${i}`,
        agreementDate: i % 50 === 0 ? null : `2025-${String((i % 12) + 1).padStart(2, '0')}-01`,
        campaigns: [campaign(`c${i}-1`, '2025-03-01', v), campaign(`c${i}-2`, i % 7 === 0 ? '2025-01-01' : '2026-03-01', v, [v, v, v, v, v, v], i % 5 === 0 ? [{ criterionCode: 'SU.6.1', title: 'Registre', level: 1, mayApply: '' }] : [])],
        audits: [audit(`a${i}`, 'interne', '2026-02-01', [finding(`f${i}`, i % 10 === 0 ? 'nc_majeure' : 'nc_mineure', '8.1', `Constat ${i}`), finding(`p${i}`, 'piste_progres', '9.1', `Piste ${i}`)])],
        actions: [action(`x${i}`, `Action ${i}`, 'en_cours', '2026-01-01')],
      });
    });
    const started = performance.now();
    const c = consolidate(many, { today: TODAY, themeCodes: THEME_CODES, centralName: group.centralFunction });
    const model = buildGroupReview({ ...reviewInput, consolidation: c, shares: new Map(many.map((s) => [s.structureId, s])), extensions: [] });
    const doc = await buildGroupReviewPdf(model, { fonts });
    const bytes = doc.output('arraybuffer');
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(3000);
    // 60 majors (i % 10 = 0), all listed, then 50 of the 540 minors; 600 audits in the period, 50 listed.
    expect(model.nonConformities.open.items).toHaveLength(110);
    expect(model.nonConformities.open.more).toBe(490);
    expect(model.audits.inPeriodCount).toBe(600);
    expect(model.audits.inPeriod).toMatchObject({ more: 550 });
    expect(model.audits.inPeriod.items).toHaveLength(50);
    const { text } = await read(doc);
    expect(bytes.byteLength).toBeGreaterThan(0);
    expect(text).toContain('… et 490 non-conformité(s) mineure(s) ouverte(s) de plus : la console en donne le détail.');
    expect(text).toContain('Audits de la période (600)');
  }, 30_000);

  it('prints the pack of 600 members with every member in the annex', async () => {
    const members = Array.from({ length: 600 }, (_, i) => ({
      structureId: `m${i}`,
      name: `Structure ${String(i).padStart(3, '0')}`,
      siret: String(10_000_000_000_000 + i),
      region: 'Bretagne',
      conventionnements: ['ACI' as const],
      agreementDate: i % 50 === 0 ? null : '2025-03-01',
      isCentral: false,
    }));
    const pack = buildCertificationPack({ group, members, draws: [newer], coverage, today: TODAY, generatedAt: GENERATED, dataSha256: SHA });
    expect(pack.annex).toMatchObject({ eligible: 588, ineligible: 12 });
    const { text } = await read(await buildCertificationPackPdf(pack, { fonts }));
    expect(text).toContain('Structure 000 SIRET 10000000000000 Bretagne ACI Non');
    expect(text).toContain("Structure 599 SIRET 10000000000599 Bretagne ACI Oui — Convention d'adhésion signée le 1 mars 2025.");
  }, 30_000);
});
