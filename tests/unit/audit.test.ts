/** Audits: blocking rules, the two layers side by side, and the peer cross-audit between two databases. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { certificationBlockers, inReportOrder } from '../../src/domain/audit/blockers';
import { auditorLayer, compareLayers, formatGap } from '../../src/domain/audit/layers';
import type { AuditRating, Finding } from '../../src/domain/audit/model';
import { readAuditRequest, readAuditReturn } from '../../src/domain/audit/peer-files';
import { sealPeerFile, REQUEST_FORMAT, RETURN_FORMAT } from '../../src/domain/audit/peer-content';
import { buildExchangeFile } from '../../src/domain/evaluation/exchange';
import { parseReferential, type Referential } from '../../src/domain/referential';
import type { Rating } from '../../src/domain/evaluation/model';
import { scoreCampaign } from '../../src/domain/scoring/score';
import {
  addFindingToPlan,
  createAudit,
  createAuditRequest,
  exportAuditReturn,
  importAuditRequest,
  importAuditReturn,
  saveAuditRating,
  saveFinding,
  updateAudit,
} from '../../src/storage/audits';
import { readAuditRecords } from '../../src/storage/audits-read';
import { saveRating } from '../../src/storage/ratings';
import { addCampaign, addStructure, deleteCampaign } from '../../src/storage/workspace';
import { applyImport, exportWorkspace } from '../../src/storage/backup';
import { readExchangeFile } from '../../src/domain/evaluation/exchange';
import { EXCHANGE_FORMAT_VERSION } from '../../src/domain/evaluation/exchange-schema';
import { validSources } from './fixtures/sources';
import { profileOf } from './fixtures/profile';
import { readContextOf } from '../../src/domain/evaluation/sealed-file';
import { testDatabases } from './fixtures/databases';

const referential: Referential = (() => {
  const result = parseReferential(validSources());
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.referential;
})();
const context = readContextOf(referential);
const at = '2026-05-01T09:00:00.000Z';

const finding = (kind: Finding['kind'], clause: string, id: string, criterionCode: string | null = 'ID.1.1'): Finding => ({
  id: id.repeat(32).slice(0, 32),
  auditId: 'a'.repeat(32),
  criterionCode,
  clause,
  kind,
  statement: `Constat ${id}`,
  evidenceSeen: '',
  requirement: 'Exigence',
  rootCause: 'Cause',
  correctiveAction: 'Action',
  actionId: null,
  createdAt: at,
  updatedAt: at,
});

describe('blocking alert before a certification audit', () => {
  it('is raised by one major non-conformity', () => {
    const blockers = certificationBlockers([finding('nc_majeure', '7.5', '1'), finding('point_fort', '', '2')]);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]!.message).toBe('Non-conformité majeure (ISO 9001 § 7.5) : Constat 1');
  });

  it('is raised by two minors on the same clause, sub-clauses counting as their clause, not by minors apart', () => {
    expect(certificationBlockers([finding('nc_mineure', '7.5.2', '1'), finding('nc_mineure', '7.5.3', '2')])).toEqual([
      expect.objectContaining({ reason: 'mineures_meme_article', subject: '7.5', message: "2 non-conformités mineures sur l'article ISO 9001 § 7.5 : elles valent une non-conformité majeure." }),
    ]);
    expect(certificationBlockers([finding('nc_mineure', '7.5', '1'), finding('nc_mineure', '8.1', '2'), finding('point_sensible', '7.5', '3')])).toEqual([]);
    // Without a clause, minors group by criterion.
    expect(certificationBlockers([finding('nc_mineure', '', '1', 'SR.2.1'), finding('nc_mineure', '', '2', 'SR.2.1')])[0]!.subject).toBe('SR.2.1');
  });

  it('lists non-conformities first in reports', () => {
    const order = inReportOrder([finding('point_fort', '', '1'), finding('nc_mineure', '', '2'), finding('nc_majeure', '', '3'), finding('piste_progres', '', '4')]);
    expect(order.map((f) => f.kind)).toEqual(['nc_majeure', 'nc_mineure', 'piste_progres', 'point_fort']);
    // Within a kind, by criterion code, numbers read as numbers (ID.1.10 after ID.1.2), else by clause.
    const codes = inReportOrder([finding('nc_mineure', '', '1', 'ID.1.10'), finding('nc_mineure', '', '2', 'ID.1.2'), finding('nc_mineure', '10.2', '3', null), finding('nc_mineure', '8.1', '4', null)]);
    expect(codes.map((f) => f.criterionCode ?? f.clause)).toEqual(['8.1', '10.2', 'ID.1.2', 'ID.1.10']);
  });
});

describe('self-assessment and auditor layers', () => {
  const rating = (code: string, level: Rating['level']): Rating => ({ campaignId: 'c', criterionCode: code, level, notApplicable: null, comment: '', toReview: false, carriedOver: false, updatedAt: at });
  const auditRating = (code: string, level: AuditRating['level'], notApplicable = false): AuditRating => ({ auditId: 'a', criterionCode: code, level, notApplicable, comment: '', updatedAt: at });

  it('gives the gap per criterion and per theme from the one scoring module', () => {
    const self = new Map([rating('ID.1.1', 4), rating('ID.2.1', 3), rating('SR.1.1', 1)].map((r) => [r.criterionCode, r]));
    const auditor = auditorLayer([auditRating('ID.1.1', 2), auditRating('ID.2.1', 3), auditRating('SR.1.1', null, true)]);
    const comparison = compareLayers(referential, referential.criteria, self, auditor);
    const byCode = new Map(comparison.criteria.map((c) => [c.criterion.code, c.gap]));
    expect(byCode.get('ID.1.1')).toBe(-2);
    expect(byCode.get('ID.2.1')).toBe(0);
    expect(byCode.get('SR.1.1')).toBeNull(); // N/A for the auditor: no gap

    const id = comparison.themes.find((t) => t.theme.code === 'ID')!;
    const expectedSelf = scoreCampaign(referential, referential.criteria, self).themes.find((t) => t.theme.code === 'ID')!.score.value!;
    const expectedAuditor = scoreCampaign(referential, referential.criteria, auditor).themes.find((t) => t.theme.code === 'ID')!.score.value!;
    expect(id.self.value).toBe(expectedSelf);
    expect(id.gap).toBe(Math.round(expectedAuditor * 100) - Math.round(expectedSelf * 100));
    expect(id.gap).toBe(-25); // self (4 + 3) / 8 = 87.5 % → 88 ; auditor (2 + 3) / 8 = 62.5 % → 63
    expect(formatGap(-2)).toBe('−2');
    expect(formatGap(3, ' pts')).toBe('+3 pts');
  });
});

const freshDb = testDatabases('audit');

/** Structure A with a campaign rated on two criteria and one piece of evidence. */
async function structureA() {
  const db = freshDb();
  const structure = await addStructure(db, { name: 'Atelier A', ...profileOf('ACI'), siret: '', region: 'Bretagne', staff: { permanents: 3, inPathway: 20, volunteers: null } });
  const campaign = await addCampaign(db, structure.id, { name: 'CAP 2026', date: '2026-03-01', tracks: ['CAP', 'CAP_ISO9001'], participants: [], isoExclusions: [] }, referential.version);
  await saveRating(db, campaign.id, 'ID.1.1', { level: 4, comment: 'Commentaire interne, jamais envoyé' });
  await saveRating(db, campaign.id, 'SR.1.1', { level: 1 });
  await db.evidence.add({ id: 'e'.repeat(32), campaignId: campaign.id, criterionCode: 'ID.1.1', title: 'Projet associatif', kind: 'document', url: '', file: null, createdAt: at });
  return { db, structure, campaign };
}

async function auditedByB(requestJson: string) {
  const b = freshDb();
  const request = await readAuditRequest(requestJson, context);
  if (!request.ok) throw new Error(request.message);
  const audit = await importAuditRequest(b, request.file);
  await updateAudit(b, audit.id, {
    auditingStructure: 'Entreprise B',
    auditors: [{ name: 'Inès Auditrice', role: 'responsable', organisation: 'Entreprise B' }],
    independence: { declared: true, statement: "Aucun lien de client ou de fournisseur avec l'Atelier A." },
    startDate: '2026-05-01',
    endDate: '2026-05-02',
    scopeNote: 'Siège et chantier',
    conclusion: 'Démarche engagée.',
  });
  await saveAuditRating(b, audit.id, 'ID.1.1', { level: 2 });
  await saveAuditRating(b, audit.id, 'SR.1.1', { level: 1 });
  await saveFinding(b, audit.id, { criterionCode: 'ID.1.1', clause: '5.2', kind: 'nc_majeure', statement: 'Politique qualité non diffusée', evidenceSeen: 'Affichage', requirement: 'ISO 9001 § 5.2.2', rootCause: 'Pas de circuit de diffusion', correctiveAction: 'Diffuser la politique qualité' });
  return { b, audit };
}

describe('peer cross-audit, A and B in two databases', () => {
  it('A requests, B audits and returns, A imports the peer layer with its own data untouched', async () => {
    const { db: a, campaign } = await structureA();
    const { json, audit: requested } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: 'Entreprise B', includeSelfRatings: true });
    expect(json).not.toContain('Commentaire interne');
    const sent = JSON.parse(json);
    expect(sent.content.subject.selfRatings).toEqual([
      { criterionCode: 'ID.1.1', level: 4, notApplicable: false },
      { criterionCode: 'SR.1.1', level: 1, notApplicable: false },
    ]);
    expect(sent.content.subject.evidence).toEqual([expect.objectContaining({ criterionCode: 'ID.1.1', title: 'Projet associatif' })]);

    const { b, audit } = await auditedByB(json);
    expect(audit.subject?.structure.name).toBe('Atelier A');
    // B's finding does not enter any plan on B's side: B has no campaign of A's.
    expect(await b.actions.count()).toBe(0);
    const returned = await readAuditReturn(await exportAuditReturn(b, audit.id), context);
    if (!returned.ok) throw new Error(returned.message);

    const ratingsBefore = await a.ratings.toArray();
    const imported = await importAuditReturn(a, returned.file);
    expect(imported.id).toBe(requested.id);
    expect(imported.returnedAt).not.toBeNull();
    expect(await a.ratings.toArray()).toEqual(ratingsBefore);
    expect(await a.auditRatings.where('auditId').equals(imported.id).toArray()).toEqual([
      expect.objectContaining({ criterionCode: 'ID.1.1', level: 2 }),
      expect.objectContaining({ criterionCode: 'SR.1.1', level: 1 }),
    ]);
    const [peerFinding] = await a.findings.where('auditId').equals(imported.id).toArray();
    expect(peerFinding).toMatchObject({ kind: 'nc_majeure', actionId: null });
    expect(await a.actions.count()).toBe(0);

    // A chooses to take the corrective action into its plan; importing the same return again keeps that link.
    const linked = await addFindingToPlan(a, peerFinding!.id);
    const action = await a.actions.get(linked.actionId!);
    expect(action).toMatchObject({ title: 'Diffuser la politique qualité', criterionCodes: ['ID.1.1'], priority: 'haute', campaignId: campaign.id });
    await importAuditReturn(a, returned.file);
    expect((await a.findings.get(peerFinding!.id))?.actionId).toBe(linked.actionId);
    expect(await a.audits.count()).toBe(1);
  });

  it('withholds the self-ratings when A so chooses', async () => {
    const { db: a, campaign } = await structureA();
    const { json } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: 'B', includeSelfRatings: false });
    expect(JSON.parse(json).content.subject.selfRatings).toBeNull();
  });

  it('refuses the wrong file, a tampered file, a return without declaration, and a request sent to oneself', async () => {
    const { db: a, campaign } = await structureA();
    const { json } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: 'B', includeSelfRatings: true });
    const asReturn = await readAuditReturn(json, context);
    expect(asReturn).toEqual({ ok: false, message: "Ce fichier est une demande d'audit croisé CAP Progrès, pas un retour d'audit croisé CAP Progrès. Rien n'a été importé." });
    const backup = await buildExchangeFile({ structures: [], campaigns: [], ratings: [], evidence: [], actions: [], dismissals: [], files: [] }, { scope: 'all', referentialVersion: referential.version, now: at });
    expect((await readAuditRequest(JSON.stringify(backup), context)) as unknown).toEqual({
      ok: false,
      message: "Ce fichier est une sauvegarde CAP Progrès, pas une demande d'audit croisé CAP Progrès. Rien n'a été importé.",
    });

    const tampered = JSON.parse(json);
    tampered.content.subject.selfRatings[1].level = 4;
    expect(await readAuditRequest(JSON.stringify(tampered), context)).toMatchObject({ ok: false, message: expect.stringMatching(/^L'empreinte SHA-256 ne correspond pas/) });

    const request = await readAuditRequest(json, context);
    if (!request.ok) throw new Error(request.message);
    await expect(importAuditRequest(a, request.file)).rejects.toThrow(/émise depuis ce navigateur/);

    const { b, audit } = await auditedByB(json);
    await expect(importAuditRequest(b, request.file)).rejects.toThrow(/déjà dans votre espace/);
    const signed = (await b.audits.get(audit.id))!;
    await b.audits.put({ ...signed, independence: { declared: false, statement: '' } });
    await expect(exportAuditReturn(b, audit.id)).rejects.toThrow(/déclaration d'indépendance/);
    await b.audits.put(signed);

    // Hand-made returns, correctly sealed: no declaration, markup (plain text, accepted), an unknown criterion.
    const good = JSON.parse(await exportAuditReturn(b, audit.id));
    const noDeclaration = await sealPeerFile(RETURN_FORMAT, { ...good.content, independence: { declared: false, statement: '' } }, referential.version, at);
    expect(await readAuditReturn(JSON.stringify(noDeclaration), context)).toMatchObject({ ok: false, message: expect.stringContaining("la déclaration d'indépendance n'est pas signée") });
    const withScript = await sealPeerFile(RETURN_FORMAT, { ...good.content, conclusion: 'Voir <script>alert(1)</script>' }, referential.version, at);
    expect(await readAuditReturn(JSON.stringify(withScript), context)).toMatchObject({ ok: true, file: { content: { conclusion: 'Voir <script>alert(1)</script>' } } });
    const unknownCriterion = await sealPeerFile(RETURN_FORMAT, { ...good.content, ratings: [{ ...good.content.ratings[0], criterionCode: 'ZZ.9.9' }] }, referential.version, at);
    expect(await readAuditReturn(JSON.stringify(unknownCriterion), context)).toMatchObject({ ok: false, message: expect.stringContaining("Le critère ZZ.9.9 n'existe pas") });
  });

  it('refuses peer files with two records under one key, or a campaign rated against an unknown referential', async () => {
    const { db: a, campaign } = await structureA();
    const { json } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: 'B', includeSelfRatings: true });
    const request = JSON.parse(json);
    const reseal = (format: typeof REQUEST_FORMAT | typeof RETURN_FORMAT, content: unknown) => sealPeerFile(format, content, referential.version, at).then((f) => JSON.stringify(f));
    const subject = request.content.subject;
    const twice = await reseal(REQUEST_FORMAT, { ...request.content, subject: { ...subject, selfRatings: [...subject.selfRatings, { ...subject.selfRatings[0], level: 0 }] } });
    expect(await readAuditRequest(twice, context)).toMatchObject({ ok: false, message: expect.stringMatching(/^Le fichier contient deux niveaux de l’équipe pour un même critère/) });
    const scope = await reseal(REQUEST_FORMAT, { ...request.content, subject: { ...subject, criterionCodes: [...subject.criterionCodes, subject.criterionCodes[0]] } });
    expect(await readAuditRequest(scope, context)).toMatchObject({ ok: false, message: expect.stringMatching(/deux fois le même critère dans le périmètre/) });
    // B would write its return against that version, which A's site cannot read.
    const newer = await reseal(REQUEST_FORMAT, { ...request.content, subject: { ...subject, campaign: { ...subject.campaign, referentialVersion: '2031.2' } } });
    expect(await readAuditRequest(newer, context)).toMatchObject({ ok: false, message: expect.stringMatching(/référentiel CAP 2031\.2, que ce site ne connaît pas/) });

    const { b, audit } = await auditedByB(json);
    const good = JSON.parse(await exportAuditReturn(b, audit.id)).content;
    const ratings = await reseal(RETURN_FORMAT, { ...good, ratings: [...good.ratings, { ...good.ratings[0], level: 4 }] });
    expect(await readAuditReturn(ratings, context)).toMatchObject({ ok: false, message: expect.stringMatching(/^Le fichier contient deux niveaux de l’auditeur pour un même critère/) });
    const findings = await reseal(RETURN_FORMAT, { ...good, findings: [...good.findings, { ...good.findings[0], statement: 'Doublon' }] });
    expect(await readAuditReturn(findings, context)).toMatchObject({ ok: false, message: expect.stringMatching(/deux constats d’audit portant le même identifiant/) });
  });

  it('a return is refused, nothing written, when it names another audit than its request or reuses another audit’s finding ids', async () => {
    const { db: a, campaign } = await structureA();
    const internal = await createAudit(a, campaign.id, 'interne', 'Atelier A');
    const own = await saveFinding(a, internal.id, { criterionCode: 'ID.1.1', clause: '', kind: 'point_fort', statement: 'Projet associatif vivant', evidenceSeen: '', requirement: '', rootCause: '', correctiveAction: '' });
    const { json } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: 'B', includeSelfRatings: false });
    const { b, audit } = await auditedByB(json);
    const good = JSON.parse(await exportAuditReturn(b, audit.id)).content;
    const sealed = async (content: unknown) => {
      const read = await readAuditReturn(JSON.stringify(await sealPeerFile(RETURN_FORMAT, content, referential.version, at)), context);
      if (!read.ok) throw new Error(read.message);
      return read.file;
    };
    const before = [await a.audits.toArray(), await a.findings.toArray(), await a.auditRatings.toArray()];
    // Importing it replaced the internal audit (its finding deleted) by the peer layer.
    await expect(importAuditReturn(a, await sealed({ ...good, requestId: internal.id }))).rejects.toThrow(/ne répond à aucune demande émise depuis ce navigateur pour la campagne « CAP 2026 »/);
    // Importing it moved the internal audit's finding into the peer layer.
    await expect(importAuditReturn(a, await sealed({ ...good, findings: [{ ...good.findings[0], id: own.id }] }))).rejects.toThrow(/reprend les identifiants de constats d'un autre audit/);
    expect([await a.audits.toArray(), await a.findings.toArray(), await a.auditRatings.toArray()]).toEqual(before);
  });

  it('a return for a campaign this browser does not hold is refused, nothing written', async () => {
    const { db: a, campaign } = await structureA();
    const { json } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: 'B', includeSelfRatings: false });
    const { b, audit } = await auditedByB(json);
    const returned = await readAuditReturn(await exportAuditReturn(b, audit.id), context);
    if (!returned.ok) throw new Error(returned.message);
    await deleteCampaign(a, campaign.id);
    await expect(importAuditReturn(a, returned.file)).rejects.toThrow(/absente de ce navigateur/);
    expect(await a.audits.count()).toBe(0);
  });
});

describe('internal audit', () => {
  it("puts a non-conformity's corrective action into the plan at once, and travels in the backup", async () => {
    const { db, campaign } = await structureA();
    const audit = await createAudit(db, campaign.id, 'interne', 'Atelier A');
    const saved = await saveFinding(db, audit.id, { criterionCode: 'SR.1.1', clause: '8.2', kind: 'nc_mineure', statement: 'Accueil non tracé', evidenceSeen: '', requirement: '§ 8.2.1', rootCause: 'Pas de registre', correctiveAction: 'Tenir un registre des accueils' });
    expect(await db.actions.get(saved.actionId!)).toMatchObject({ title: 'Tenir un registre des accueils', priority: 'moyenne' });
    await saveFinding(db, audit.id, { criterionCode: 'ID.1.1', clause: '', kind: 'point_fort', statement: 'Projet associatif vivant', evidenceSeen: '', requirement: '', rootCause: '', correctiveAction: '' });
    expect(await db.actions.count()).toBe(1);

    const { json } = await exportWorkspace(db, { includeFiles: false, referentialVersion: referential.version });
    const read = await readExchangeFile(json, context);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.formatVersion).toBe(EXCHANGE_FORMAT_VERSION);
    const other = freshDb();
    await applyImport(other, read.file);
    expect(await other.findings.count()).toBe(2);
    expect((await other.audits.get(audit.id))?.kind).toBe('interne');
    // Deleting the campaign takes its audits along.
    await deleteCampaign(other, campaign.id);
    expect(await other.audits.count()).toBe(0);
    expect(await other.findings.count()).toBe(0);
  });
});

describe('what the audit screen reads', () => {
  it('an audit of our campaign: its layer and findings, the campaign, structure, ratings, evidence and plan', async () => {
    const { db, structure, campaign } = await structureA();
    const audit = await createAudit(db, campaign.id, 'interne', 'Atelier A');
    await saveAuditRating(db, audit.id, 'ID.1.1', { level: 2 });
    const saved = await saveFinding(db, audit.id, { criterionCode: 'SR.1.1', clause: '8.2', kind: 'nc_mineure', statement: 'Accueil non tracé', evidenceSeen: '', requirement: '§ 8.2.1', rootCause: 'Pas de registre', correctiveAction: 'Tenir un registre des accueils' });
    // Another audit's records stay out.
    const other = await createAudit(db, campaign.id, 'blanc', 'Atelier A');
    await saveAuditRating(db, other.id, 'SR.1.1', { level: 4 });

    const read = await readAuditRecords(db, audit.id);
    expect(read).toMatchObject({ audit: { id: audit.id }, campaign: { id: campaign.id }, structure: { id: structure.id }, actionIds: [saved.actionId] });
    expect(read!.ownRatings.map((r) => r.criterionCode)).toEqual(['ID.1.1', 'SR.1.1']);
    expect(read!.ownEvidence.map((e) => e.title)).toEqual(['Projet associatif']);
    expect(read!.auditorRatings).toEqual([expect.objectContaining({ criterionCode: 'ID.1.1', level: 2 })]);
    expect(read!.findings).toEqual([expect.objectContaining({ id: saved.id })]);
    expect(await readAuditRecords(db, 'f'.repeat(32))).toBeNull();
  });

  it("an audit conducted for a peer: the request's subject only, none of our campaigns", async () => {
    const { db: a, campaign } = await structureA();
    const { json } = await createAuditRequest(a, referential, campaign.id, { auditingStructure: 'Entreprise B', includeSelfRatings: true });
    const { b, audit } = await auditedByB(json);
    const read = await readAuditRecords(b, audit.id);
    expect(read).toMatchObject({ campaign: null, structure: null, ownRatings: [], ownEvidence: [], actionIds: [] });
    expect(read!.audit.subject?.structure.name).toBe('Atelier A');
    expect(read!.auditorRatings).toHaveLength(2);
    expect(read!.findings).toHaveLength(1);
  });
});
