/**
 * The IAF MD 1 site sample for a group certification audit: sizes, eligibility, cohorts, a seeded random part
 * and a risk-ranked remainder, plus the rationale sent to the certification body. Pure and reproducible:
 * the same seed, date and data give the same sample in any browser.
 */
import { frenchDate } from '../french-date';
import { UserFacingError } from '../user-error';
import { RISK_FACTORS, riskScore, type RiskFactorPoints, type RiskInputs } from './risk';
import { MAX_SEED, mulberry32, shuffled } from './seeded-random';

export const CERTIFICATION_AUDITS = ['initial', 'surveillance1', 'surveillance2', 'recertification'] as const;
export type CertificationAudit = (typeof CERTIFICATION_AUDITS)[number];

export const AUDIT_LABELS: Record<CertificationAudit, string> = {
  initial: 'Audit initial',
  surveillance1: 'Surveillance 1',
  surveillance2: 'Surveillance 2',
  recertification: 'Renouvellement (recertification)',
};

/** Sample size is ⌈coefficient × √x⌉ (EA FAQ 46.5, 42.6). */
export const SAMPLE_COEFFICIENTS: Record<CertificationAudit, number> = {
  initial: 1,
  surveillance1: 0.6,
  surveillance2: 0.6,
  recertification: 0.8,
};

/** Share of each cohort's sample drawn at random before any risk ranking (MD 1: at least 25 %). */
export const RANDOM_SHARE = 0.25;
/** Keeps ⌈⌉ from adding a site if k·√x ever lands a hair above a whole number in binary (none found up to x = 9·10⁶: a safety margin). */
const EPSILON = 1e-9;

export type Cohort = 'etablis' | 'nouveaux';
export const COHORT_LABELS: Record<Cohort, string> = { etablis: 'Membres établis', nouveaux: 'Nouveaux membres' };

export type SelectionReason = 'central' | 'random' | 'risk';

export function sampleSize(auditType: CertificationAudit, memberCount: number): number {
  if (memberCount <= 0) return 0;
  return Math.min(memberCount, Math.ceil(SAMPLE_COEFFICIENTS[auditType] * Math.sqrt(memberCount) - EPSILON));
}

/** ⌈0.25 · n⌉, which is at least 1 as soon as the sample has one site. */
export function randomCount(size: number): number {
  return size <= 0 ? 0 : Math.max(1, Math.ceil(RANDOM_SHARE * size - EPSILON));
}

/** « ⌈0,6 × √62⌉ = 5 », « ⌈√62⌉ = 8 ». */
export function sizeFormula(auditType: CertificationAudit, memberCount: number): string {
  const coefficient = SAMPLE_COEFFICIENTS[auditType];
  const factor = coefficient === 1 ? '' : `${String(coefficient).replace('.', ',')} × `;
  return `⌈${factor}√${memberCount}⌉ = ${sampleSize(auditType, memberCount)}`;
}

export interface SampleMemberInput {
  structureId: string;
  name: string;
  /** Signature date of the group agreement (convention d'adhésion au groupe), YYYY-MM-DD; null if unsigned. */
  agreementDate: string | null;
  risk: RiskInputs;
}

export interface DrawInput {
  auditType: CertificationAudit;
  seed: number;
  /** YYYY-MM-DD */
  drawDate: string;
  /** Date of the last certification audit; members who signed after it form the new-members cohort. */
  previousAuditDate: string | null;
  central: { structureId: string; name: string } | null;
  members: readonly SampleMemberInput[];
}

export interface CohortSize {
  cohort: Cohort;
  memberCount: number;
  size: number;
  randomCount: number;
  riskCount: number;
  formula: string;
}

export interface SelectedSite {
  structureId: string;
  name: string;
  /** null for the central function, which belongs to no cohort. */
  cohort: Cohort | null;
  reason: SelectionReason;
  riskScore: number | null;
  riskFactors: RiskFactorPoints[];
}

export interface NotSelectedMember {
  structureId: string;
  name: string;
  cohort: Cohort;
  riskScore: number;
  riskFactors: RiskFactorPoints[];
}

export interface IneligibleMember {
  structureId: string;
  name: string;
  reason: string;
}

/** A plain, JSON-serialisable record of one draw, kept as evidence for the certification body. */
export interface SampleDraw {
  auditType: CertificationAudit;
  seed: number;
  generator: 'mulberry32';
  drawDate: string;
  previousAuditDate: string | null;
  /** x: eligible member sites, central function excluded. */
  memberCount: number;
  cohorts: CohortSize[];
  /** Central function first, then each cohort's random draws in draw order, then its risk picks by rank. */
  selected: SelectedSite[];
  /** Eligible members left out, per cohort by descending risk. */
  notSelected: NotSelectedMember[];
  ineligible: IneligibleMember[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})/;
/** The YYYY-MM-DD day of a date or timestamp, or null if it is not a real calendar day (checked by arithmetic: no Date per member). */
function isoDay(value: string): string | null {
  const match = DAY.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return monthDays !== undefined && day >= 1 && day <= monthDays ? match[0] : null;
}

function requireDay(value: string, what: string): string {
  const day = isoDay(value);
  if (!day) throw new UserFacingError(`${what} n'est pas une date valide (attendu : AAAA-MM-JJ).`);
  return day;
}

/** Code-unit order, not localeCompare: collation differs between browsers and would change the draw. */
const byStructureId = (a: { structureId: string }, b: { structureId: string }) => (a.structureId < b.structureId ? -1 : a.structureId > b.structureId ? 1 : 0);

interface Candidate {
  structureId: string;
  name: string;
  agreementDate: string;
  score: ReturnType<typeof riskScore>;
}

export function drawSample(input: DrawInput): SampleDraw {
  const { auditType, seed, central } = input;
  if (!Number.isInteger(seed) || seed < 1 || seed > MAX_SEED) throw new UserFacingError(`La graine doit être un nombre entier entre 1 et ${MAX_SEED}.`);
  const drawDate = requireDay(input.drawDate, 'La date du tirage');
  const previousAuditDate = input.previousAuditDate === null ? null : requireDay(input.previousAuditDate, 'La date du dernier audit');
  if (previousAuditDate !== null && previousAuditDate > drawDate) throw new UserFacingError('La date du dernier audit est postérieure à la date du tirage.');

  const seen = new Set<string>();
  const eligible: Candidate[] = [];
  const ineligible: IneligibleMember[] = [];
  for (const member of [...input.members].sort(byStructureId)) {
    if (seen.has(member.structureId)) throw new UserFacingError(`La structure « ${member.name} » figure deux fois dans la liste des membres.`);
    seen.add(member.structureId);
    // The central function is audited on top of the sample, never counted in x.
    if (central && member.structureId === central.structureId) continue;
    const { structureId, name } = member;
    const agreementDate = member.agreementDate === null ? null : isoDay(member.agreementDate);
    if (member.agreementDate === null) ineligible.push({ structureId, name, reason: "Pas de convention d'adhésion au groupe signée." });
    else if (agreementDate === null) ineligible.push({ structureId, name, reason: `Date de signature de la convention d'adhésion illisible (« ${member.agreementDate} »).` });
    else if (agreementDate > drawDate)
      ineligible.push({ structureId, name, reason: `Convention d'adhésion signée le ${frenchDate(agreementDate)}, après la date du tirage (${frenchDate(drawDate)}).` });
    else eligible.push({ structureId, name, agreementDate, score: riskScore(member.risk) });
  }

  const isNew = (c: Candidate) => auditType !== 'initial' && previousAuditDate !== null && c.agreementDate > previousAuditDate;
  const groups: [Cohort, Candidate[]][] =
    auditType === 'initial'
      ? [['etablis', eligible]]
      : [
          ['etablis', eligible.filter((c) => !isNew(c))],
          ['nouveaux', eligible.filter(isNew)],
        ];

  // One generator for the whole draw, cohorts in a fixed order, so the seed alone fixes everything.
  const random = mulberry32(seed);
  const cohorts: CohortSize[] = [];
  const selected: SelectedSite[] = central ? [{ structureId: central.structureId, name: central.name, cohort: null, reason: 'central', riskScore: null, riskFactors: [] }] : [];
  const notSelected: NotSelectedMember[] = [];
  for (const [cohort, members] of groups) {
    const order = shuffled(members, random);
    const size = sampleSize(auditType, members.length);
    const drawn = randomCount(size);
    cohorts.push({ cohort, memberCount: members.length, size, randomCount: drawn, riskCount: size - drawn, formula: sizeFormula(auditType, members.length) });
    const site = (c: Candidate) => ({ structureId: c.structureId, name: c.name, cohort, riskScore: c.score.total, riskFactors: c.score.factors });
    for (const c of order.slice(0, drawn)) selected.push({ ...site(c), reason: 'random' });
    // Ties keep the shuffled order, so equal scores are settled by the same seed.
    const ranked = order
      .slice(drawn)
      .map((c, position) => ({ c, position }))
      .sort((a, b) => b.c.score.total - a.c.score.total || a.position - b.position)
      .map(({ c }) => c);
    for (const c of ranked.slice(0, size - drawn)) selected.push({ ...site(c), reason: 'risk' });
    for (const c of ranked.slice(size - drawn)) notSelected.push(site(c));
  }

  return { auditType, seed, generator: 'mulberry32', drawDate, previousAuditDate, memberCount: eligible.length, cohorts, selected, notSelected, ineligible };
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const factorList = (factors: readonly RiskFactorPoints[]) => factors.map((f) => `${f.detail} (${plural(f.points, 'point', 'points')})`).join(', ');

/** The printable rationale for the certification body: method, seed, how to re-run, sizes, why each site. */
export function rationaleLines(draw: SampleDraw): string[] {
  const lines: string[] = [];
  const central = draw.selected.find((s) => s.reason === 'central');
  const split = draw.auditType !== 'initial' && draw.previousAuditDate !== null;

  lines.push(`Échantillonnage des sites pour l'audit « ${AUDIT_LABELS[draw.auditType]} » selon l'IAF MD 1 (certification de groupe), tiré le ${frenchDate(draw.drawDate)}.`);
  lines.push(
    central
      ? `La fonction centrale (${central.name}) est auditée à chaque audit, en plus de l'échantillon ; elle n'est pas comptée dans le nombre de sites x.`
      : "Aucune fonction centrale n'est désignée : elle doit l'être, car elle est auditée à chaque audit, en plus de l'échantillon.",
  );
  lines.push(
    `Sites éligibles : x = ${draw.memberCount} (membres ayant signé la convention d'adhésion au groupe au plus tard le jour du tirage)` +
      (draw.ineligible.length ? ` ; ${plural(draw.ineligible.length, 'membre non éligible est listé', 'membres non éligibles sont listés')} à la fin.` : '.'),
  );
  lines.push("Taille de l'échantillon : ⌈√x⌉ à l'audit initial, ⌈0,6 × √x⌉ en surveillance, ⌈0,8 × √x⌉ au renouvellement (arrondi à l'entier supérieur).");
  if (split)
    lines.push(`Les membres ayant signé leur convention après le dernier audit de certification (${frenchDate(draw.previousAuditDate!)}) forment une cohorte à part, dont l'échantillon est calculé sur son propre effectif.`);
  else if (draw.auditType !== 'initial')
    lines.push("La date du dernier audit de certification n'est pas renseignée : les nouveaux membres ne peuvent pas être distingués et tous les membres forment une seule cohorte.");
  for (const c of draw.cohorts) {
    const who = draw.auditType === 'initial' ? 'Tous les membres éligibles' : COHORT_LABELS[c.cohort];
    lines.push(
      c.memberCount === 0
        ? `${who} : aucun membre, aucun site à tirer.`
        : `${who} : ${plural(c.memberCount, 'membre', 'membres')}, échantillon ${c.formula}, dont ${c.randomCount} tiré${c.randomCount > 1 ? 's' : ''} au hasard et ${c.riskCount} choisi${c.riskCount > 1 ? 's' : ''} selon le risque.`,
    );
  }
  lines.push(
    "Méthode : dans chaque cohorte, au moins 25 % de l'échantillon (⌈0,25 × n⌉ sites, n étant la taille de l'échantillon) est d'abord tiré au hasard parmi tous les membres éligibles de la cohorte ; " +
      'les autres sites sont choisis par score de risque décroissant parmi les membres non encore tirés, les égalités étant départagées par le même ordre aléatoire.',
  );
  lines.push(
    `Tirage reproductible : générateur pseudo-aléatoire mulberry32, graine ${draw.seed}. Les membres de chaque cohorte sont rangés par identifiant de structure, puis mélangés (algorithme de Fisher–Yates) avec ce générateur, ` +
      "la cohorte des membres établis d'abord, puis celle des nouveaux membres. Relancer le tirage avec la même graine, le même type d'audit, les mêmes dates et les mêmes données redonne exactement le même échantillon.",
  );
  lines.push('Score de risque (points entiers, additionnés) :');
  for (const f of RISK_FACTORS) lines.push(`– ${f.label} : ${f.points}.`);

  lines.push('Sites retenus :');
  for (const s of draw.selected) {
    if (s.reason === 'central') lines.push(`– ${s.name} : fonction centrale, auditée à chaque audit.`);
    else {
      const where = split ? ` (${COHORT_LABELS[s.cohort!].toLowerCase()})` : '';
      const why = s.reason === 'random' ? 'tiré au hasard' : 'choisi selon le risque';
      const detail = s.riskFactors.length ? ` : ${factorList(s.riskFactors)}` : '';
      lines.push(`– ${s.name}${where} : ${why} ; score de risque ${s.riskScore}${detail}.`);
    }
  }
  for (const c of draw.cohorts) {
    const left = draw.notSelected.filter((m) => m.cohort === c.cohort);
    if (c.riskCount > 0 && left.length > 0)
      lines.push(`Parmi les ${draw.auditType === 'initial' ? 'membres' : COHORT_LABELS[c.cohort].toLowerCase()} non retenus, le score de risque le plus élevé est ${left[0]!.riskScore}.`);
  }
  if (draw.ineligible.length) {
    lines.push('Membres non éligibles (non tirés) :');
    for (const m of draw.ineligible) lines.push(`– ${m.name} : ${m.reason}`);
  }
  return lines;
}
