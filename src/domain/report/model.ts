/**
 * The report of a campaign, as data: the PDF and its accessible HTML twin both render this one model, so
 * they say the same thing, with the figures of the scoring module.
 */
import { describeProfile } from '../structure/describe';
import { PARTICIPANT_ROLE_LABELS, EVIDENCE_KIND_LABELS, type Campaign, type Evidence, type Rating, type Structure } from '../evaluation/model';
import { isOpen, type ProgressAction } from '../plan/model';
import { suggestActions, type Suggestion } from '../plan/suggest';
import type { Criterion, Referential, Theme } from '../referential/model';
import { levelName, trackName } from '../referential/lookup';
import { iso26000Readiness, iso9001Readiness, type Readiness } from '../scoring/readiness';
import { scoreCampaign, type CampaignScores, type Score } from '../scoring/score';
export { frenchDate } from '../french-date';

export interface CriterionLine {
  criterion: Criterion;
  /** « 2 – Formalisé », « Non applicable » or « Non évalué ». */
  levelLabel: string;
  /** The criterion's own descriptor for the level reached. */
  descriptor: string;
  notApplicable: string | null;
  comment: string;
  /** Why the team retained this level, when participants' views were weighed (empty otherwise). */
  retainedReason: string;
  toReview: boolean;
  evidence: string[];
}

/** The « Commentaire » cell of a theme table, the same in the PDF and its HTML twin. */
export function commentText(line: CriterionLine): string {
  return [
    line.notApplicable ? `Non applicable : ${line.notApplicable}` : '',
    line.comment,
    line.retainedReason ? `Raison du niveau retenu : ${line.retainedReason}` : '',
    line.toReview ? '(à revoir)' : '',
  ]
    .filter(Boolean)
    .join('\n');
}

export interface ReportModel {
  documentId: string;
  /** SHA-256 of the campaign's data (canonical JSON, attached files listed by their own SHA-256). */
  dataSha256: string;
  generatedAt: string;
  /** The profile in words: legal form, conventionnements, group, headcount. */
  structure: { name: string; profile: string; siret: string; region: string };
  campaign: { name: string; date: string; tracks: string[]; referentialVersion: string; participants: { name: string; role: string }[] };
  scores: CampaignScores;
  strengths: { criterion: Criterion; level: number }[];
  gaps: Suggestion[];
  themes: { theme: Theme; score: Score; lines: CriterionLine[] }[];
  iso9001: Readiness[];
  /** Only for campaigns on the CAP RSE track. */
  iso26000: Readiness[] | null;
  plan: ProgressAction[];
  evidenceIndex: { criterionCode: string; title: string; kind: string; fileName: string; sha256: string }[];
  /** For the general-assembly page: what is done and what is planned. */
  done: ProgressAction[];
  planned: ProgressAction[];
}

export interface ReportInput {
  referential: Referential;
  structure: Structure;
  campaign: Campaign;
  scope: Criterion[];
  ratings: ReadonlyMap<string, Rating>;
  evidence: Evidence[];
  actions: ProgressAction[];
  dismissed: ReadonlySet<string>;
  dataSha256: string;
  now: Date;
}

export function buildReport(input: ReportInput): ReportModel {
  const { referential, structure, campaign, scope, ratings, evidence } = input;
  const scores = scoreCampaign(referential, scope, ratings);
  const lineOf = (criterion: Criterion): CriterionLine => {
    const rating = ratings.get(criterion.code);
    const level = rating?.notApplicable ? null : (rating?.level ?? null);
    return {
      criterion,
      levelLabel: rating?.notApplicable ? 'Non applicable' : level === null ? 'Non évalué' : levelName(referential, level),
      descriptor: level === null ? '' : criterion.levels[level],
      notApplicable: rating?.notApplicable?.justification ?? null,
      comment: rating?.comment ?? '',
      retainedReason: rating?.retainedReason?.trim() ?? '',
      toReview: rating?.toReview ?? false,
      evidence: evidence.filter((e) => e.criterionCode === criterion.code).map((e) => e.title),
    };
  };
  const strengths = scope
    .flatMap((criterion) => {
      const level = ratings.get(criterion.code)?.level;
      return level !== null && level !== undefined && level >= 3 && !ratings.get(criterion.code)?.notApplicable ? [{ criterion, level }] : [];
    })
    .sort((a, b) => b.level - a.level || b.criterion.weight - a.criterion.weight)
    .slice(0, 10);
  const day = input.now.toISOString().slice(0, 10);
  return {
    documentId: `CAP-${campaign.id.slice(0, 8).toUpperCase()}-${day.replace(/-/g, '')}`,
    dataSha256: input.dataSha256,
    generatedAt: input.now.toISOString(),
    structure: { name: structure.name, profile: describeProfile(structure), siret: structure.siret, region: structure.region },
    campaign: {
      name: campaign.name,
      date: campaign.date,
      tracks: campaign.tracks.map((t) => trackName(referential, t)),
      referentialVersion: campaign.referentialVersion,
      participants: campaign.participants.map((p) => ({ name: p.name, role: PARTICIPANT_ROLE_LABELS[p.role] })),
    },
    scores,
    strengths,
    gaps: suggestActions(referential, scope, ratings, { actions: input.actions, dismissed: input.dismissed }).slice(0, 10),
    themes: scores.themes
      .filter((t) => t.score.applicable > 0 || scope.some((c) => c.theme === t.theme.code))
      .map((t) => ({ theme: t.theme, score: t.score, lines: scope.filter((c) => c.theme === t.theme.code).map(lineOf) })),
    iso9001: iso9001Readiness(referential, scope, ratings, campaign.isoExclusions),
    iso26000: campaign.tracks.includes('CAP_RSE') ? iso26000Readiness(referential, scope, ratings) : null,
    plan: [...input.actions].sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999')),
    evidenceIndex: evidence.map((e) => ({
      criterionCode: e.criterionCode,
      title: e.title,
      kind: EVIDENCE_KIND_LABELS[e.kind],
      fileName: e.file?.name ?? (e.url || ''),
      sha256: e.file?.sha256 ?? '',
    })),
    done: input.actions.filter((a) => a.status === 'realisee'),
    planned: input.actions.filter(isOpen),
  };
}


export const METHOD_TEXT = [
  'Un critère évalué au niveau n vaut n ÷ 4 (0 → 0 %, 4 → 100 %). Un critère « non applicable », justifié, est retiré du calcul ; un critère non évalué compte dans la couverture.',
  "Le score d'un sous-thème ou d'un thème est la moyenne de ses critères évalués, pondérée par leur poids (1 à 3).",
  'Le score global est la moyenne simple des quatre thèmes. La couverture (critères évalués ÷ critères applicables) accompagne chaque score ; en dessous de 100 %, le score est provisoire.',
  'Un critère réglementaire évalué à 0 ou 1 déclenche une alerte, quelle que soit la moyenne.',
  'Les écarts sont classés par priorité : alertes réglementaires, puis poids × (niveau visé 3 − niveau atteint).',
];
