/**
 * Right for every kind of structure: which criteria apply to a profile (legal form, conventionnements, group), which
 * duties bind it according to its headcount and ESS status, and what each kind's criteria cover of ISO 9001 and 26000.
 */
import { describe, expect, it } from 'vitest';
import { criteriaInScope } from '../../src/domain/evaluation/scope';
import { coverageGaps } from '../../src/domain/referential/coverage';
import { scoreCampaign } from '../../src/domain/scoring/score';
import { conditionHolds, isEssEntity } from '../../src/domain/structure/applicability';
import { profileOfLegacyTypes } from '../../src/domain/structure/legacy';
import { CONVENTIONNEMENTS, type StructureProfile } from '../../src/domain/structure/profile';
import type { Rating } from '../../src/domain/evaluation/model';
import { loadLibrary } from '../../src/loaders/referential';
import { profileOf } from './fixtures/profile';

const { current: referential, versions } = loadLibrary();
const ALL_TRACKS = ['CAP', 'CAP_ISO9001', 'CAP_RSE'] as const;
const codesFor = (profile: StructureProfile, tracks: readonly ('CAP' | 'CAP_ISO9001' | 'CAP_RSE')[] = ALL_TRACKS) =>
  new Set(criteriaInScope(referential, profile, [...tracks]).map((c) => c.code));

describe('criteria by kind of structure', () => {
  it('gives an ensemblier every rule of each of its conventionnements', () => {
    const ensemblier = profileOf('AI', 'ACI', 'EI', 'ETTI');
    const codes = codesFor(ensemblier);
    for (const c of ['AI', 'ACI', 'EI', 'ETTI'] as const) {
      for (const code of codesFor(profileOf(c))) expect(codes.has(code), `${code} (${c})`).toBe(true);
    }
    // The four the 2026.1 type ENSEMBLIER escaped: 480 h, missions, ACI commercial income, ETTI exclusivity.
    for (const code of ['SR.4.2', 'SR.4.4', 'SU.3.3', 'SU.6.3']) expect(codes.has(code), code).toBe(true);
  });

  it('applies group criteria to members only, and the central function its own', () => {
    const alone = codesFor(profileOf('ACI'));
    const member = codesFor({ ...profileOf('ACI'), group: { role: 'member', name: 'Groupe CAP', agreementDate: null } });
    const central = codesFor({ ...profileOf(), group: { role: 'central', name: 'Groupe CAP', agreementDate: null } });
    expect(alone.has('AC.5.2')).toBe(false);
    expect(member.has('AC.5.2')).toBe(true);
    const centralOwn = referential.criteria.filter((c) => c.appliesTo !== 'ALL' && c.appliesTo.includes('FONCTION_CENTRALE')).map((c) => c.code);
    expect(centralOwn.length).toBeGreaterThanOrEqual(3);
    for (const code of centralOwn) {
      expect(central.has(code), code).toBe(true);
      expect(member.has(code) || alone.has(code), code).toBe(false);
    }
  });

  it('fixes the applicability the consultant found wrong', () => {
    expect(codesFor(profileOf('EA')).has('SR.4.4')).toBe(true);
    expect(codesFor(profileOf('GEIQ')).has('SR.4.2')).toBe(true);
    for (const c of ['EA', 'EBE'] as const) expect(codesFor(profileOf(c)).has('SU.6.2'), c).toBe(true);
    for (const code of ['SR.2.1', 'SR.2.2', 'SR.2.3']) {
      const criterion = referential.criteria.find((c) => c.code === code)!;
      expect(`${criterion.title} ${criterion.description}`, code).not.toMatch(/en parcours/);
      expect(criterion.notesFor.EBE, code).toBeTruthy();
    }
  });

  for (const conventionnement of CONVENTIONNEMENTS) {
    it(`covers ISO 9001 4.1–10.3 and ISO 26000 6.2–6.8 with the network's issues for ${conventionnement}`, () => {
      const profile = profileOf(conventionnement);
      const iso9001 = coverageGaps(referential, criteriaInScope(referential, profile, ['CAP', 'CAP_ISO9001'])).iso9001;
      const iso26000 = coverageGaps(referential, criteriaInScope(referential, profile, ['CAP', 'CAP_RSE'])).iso26000;
      expect({ iso9001, iso26000 }).toEqual({ iso9001: [], iso26000: [] });
    });
  }
});

describe('duties that depend on the profile', () => {
  const sized = (headcount: number | null): StructureProfile => ({ ...profileOf('ACI'), headcount });
  const cse = () => referential.criteria.find((c) => c.code === 'SU.1.3')!;
  const rated = (code: string, level: 0 | 1): Map<string, Rating> =>
    new Map([[code, { campaignId: 'c', criterionCode: code, level, notApplicable: null, comment: '', toReview: false, carriedOver: false, updatedAt: '' }]]);
  const alertsFor = (profile: StructureProfile, code: string) => {
    const scope = criteriaInScope(referential, profile, ['CAP']);
    return scoreCampaign(referential, scope, rated(code, 1)).alerts.filter((a) => a.criterion.code === code);
  };

  it('binds a threshold duty above its headcount, frees it below, and says why it may apply when the headcount is unknown', () => {
    expect(cse().regulatoryCondition?.minHeadcount).toBe(11);
    expect(alertsFor(sized(24), 'SU.1.3')).toEqual([expect.objectContaining({ level: 1 })]);
    expect(alertsFor(sized(24), 'SU.1.3')[0]!.mayApply).toBeUndefined();
    expect(alertsFor(sized(8), 'SU.1.3')).toEqual([]);
    const unknown = alertsFor(sized(null), 'SU.1.3');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.mayApply).toBe(cse().regulatoryCondition!.rule);
  });

  it('keeps ESS duties to ESS entities', () => {
    expect(isEssEntity({ legalForm: 'ASSOCIATION', essCompany: false })).toBe(true);
    expect(isEssEntity({ legalForm: 'SAS', essCompany: false })).toBe(false);
    expect(isEssEntity({ legalForm: 'SAS', essCompany: true })).toBe(true);
    expect(isEssEntity({ legalForm: null, essCompany: false })).toBeNull();
    const essOnly = referential.criteria.find((c) => c.code === 'ID.4.1')!;
    expect(essOnly.regulatoryCondition?.essOnly).toBe(true);
    expect(alertsFor({ ...profileOf('EI'), legalForm: 'SAS' }, 'ID.4.1')).toEqual([]);
    expect(alertsFor({ ...profileOf('EI'), legalForm: 'SCIC' }, 'ID.4.1')).toHaveLength(1);
    expect(conditionHolds({ minHeadcount: 50, essOnly: true, rule: '' }, { ...profileOf('EI'), legalForm: 'SAS', headcount: null })).toBe(false);
  });
});

describe('structures described under 2026.1', () => {
  it('become profiles with nothing lost, and keep the scope they had for their 2026.1 campaigns', () => {
    const frozen = versions.find((v) => v.version === '2026.1')!;
    const combos = [['AI', 'ACI'], ['ENSEMBLIER'], ['SCIC', 'EBE'], ['ETTI', 'ENSEMBLIER'], ['GEIQ'], ['EA']] as const;
    for (const types of combos) {
      const profile = { ...profileOfLegacyTypes([...types]), headcount: null };
      // The 2026.1 rule: a criterion applies when it names one of the structure's types.
      const before = frozen.criteria.filter((c) => (c.appliesTo === 'ALL' || c.appliesTo.some((t) => (types as readonly string[]).includes(t))) && c.tracks.includes('CAP')).map((c) => c.code);
      expect(criteriaInScope(frozen, profile, ['CAP']).map((c) => c.code), types.join('+')).toEqual(before);
    }
  });
});

describe('an ISO 9001 requirement excluded under 4.3', () => {
  it('is recorded by the campaign with its justification, and shown as excluded, not scored', async () => {
    const { campaignFormSchema } = await import('../../src/domain/evaluation/forms');
    const { iso9001Readiness } = await import('../../src/domain/scoring/readiness');
    const base = { name: 'CAP 2026', date: '2026-03-01', tracks: ['CAP', 'CAP_ISO9001'], participants: [] };
    const refused = campaignFormSchema.safeParse({ ...base, excludeDesign: true, designJustification: '  ' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/^Justifiez l'exclusion/);
    const values = campaignFormSchema.parse({ ...base, excludeDesign: true, designJustification: 'Aucun service conçu par la structure : les prestations suivent les cahiers des charges des clients.' });
    expect(values.isoExclusions).toEqual([{ clause: '8.3', justification: expect.stringMatching(/^Aucun service conçu/) }]);
    // Without the CAP ISO 9001 track there is nothing to exclude.
    expect(campaignFormSchema.parse({ ...base, tracks: ['CAP'], excludeDesign: true, designJustification: '' }).isoExclusions).toEqual([]);
    const scope = criteriaInScope(referential, profileOf('ACI'), ['CAP', 'CAP_ISO9001']);
    const rows = iso9001Readiness(referential, scope, new Map(), values.isoExclusions);
    expect(rows.filter((r) => r.excluded !== undefined).map((r) => r.reference.code)).toEqual(['8.3']);
    expect(rows.find((r) => r.reference.code === '8.2')?.excluded).toBeUndefined();
  });
});
