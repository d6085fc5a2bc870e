/**
 * Risk score of a member site, used to choose the non-random part of the MD 1 sample. Integer points from a
 * short published table (on /methode/ and in the rationale sent to the certification body), so anyone can
 * recompute a site's score by hand.
 */

/** What the score needs to know about one member; the lead's richer member objects fit structurally. */
export interface RiskInputs {
  openNonConformities: { major: number; minor: number };
  /** Latest campaign's global score, 0..1; null when the member never self-assessed. */
  globalScore: number | null;
  previousGlobalScore: number | null;
  overdueActions: number;
  isNew: boolean;
  /** Already in a sample of an earlier audit of the current three-year cycle. */
  visitedThisCycle: boolean;
}

export type RiskFactorId =
  | 'major_nc'
  | 'minor_nc'
  | 'low_score'
  | 'falling_score'
  | 'overdue_actions'
  | 'new_member'
  | 'not_visited'
  | 'no_score';

export interface RiskFactor {
  id: RiskFactorId;
  label: string;
  points: string;
}

/** The table as printed; `riskScore` applies exactly these rows, in this order. */
export const RISK_FACTORS: readonly RiskFactor[] = [
  { id: 'major_nc', label: 'Non-conformités majeures ouvertes', points: '5 points par non-conformité, 10 points au plus' },
  { id: 'minor_nc', label: 'Non-conformités mineures ouvertes', points: '2 points par non-conformité, 6 points au plus' },
  { id: 'low_score', label: 'Score global de la dernière auto-évaluation inférieur à 50 %', points: '3 points' },
  { id: 'falling_score', label: 'Score global en baisse de 5 points ou plus par rapport à la campagne précédente', points: '2 points' },
  { id: 'overdue_actions', label: 'Actions de progrès en retard', points: '1 point par action, 3 points au plus' },
  { id: 'new_member', label: 'Nouveau membre du groupe', points: '2 points' },
  { id: 'not_visited', label: 'Site pas encore audité dans le cycle de certification en cours', points: '3 points' },
  { id: 'no_score', label: 'Aucune auto-évaluation réalisée', points: '3 points' },
];

/** Score drops are compared in percentage points; the epsilon absorbs float noise (0.30 − 0.25 < 0.05 in binary). */
export const FALLING_SCORE_DROP = 0.05;
const EPSILON = 1e-9;

export interface RiskFactorPoints {
  id: RiskFactorId;
  points: number;
  label: string;
  /** The member's own figures, for the rationale: « 2 non-conformités majeures ». */
  detail: string;
}

export interface RiskScore {
  total: number;
  /** Only the factors that scored, in table order. */
  factors: RiskFactorPoints[];
}

const percent = (value: number) => `${Math.round(value * 100)} %`;
const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
/** Counts come from user data: negative or fractional values must not subtract points. */
const count = (n: number) => (Number.isFinite(n) && n > 0 ? Math.floor(n) : 0);

const LABELS = new Map(RISK_FACTORS.map((f) => [f.id, f.label]));

export function riskScore(inputs: RiskInputs): RiskScore {
  const factors: RiskFactorPoints[] = [];
  const add = (id: RiskFactorId, points: number, detail: string) => {
    if (points > 0) factors.push({ id, points, label: LABELS.get(id)!, detail });
  };

  const major = count(inputs.openNonConformities.major);
  const minor = count(inputs.openNonConformities.minor);
  const overdue = count(inputs.overdueActions);
  const { globalScore, previousGlobalScore } = inputs;

  add('major_nc', Math.min(10, 5 * major), plural(major, 'non-conformité majeure ouverte', 'non-conformités majeures ouvertes'));
  add('minor_nc', Math.min(6, 2 * minor), plural(minor, 'non-conformité mineure ouverte', 'non-conformités mineures ouvertes'));
  if (globalScore !== null && globalScore < 0.5) add('low_score', 3, `score global ${percent(globalScore)}`);
  if (globalScore !== null && previousGlobalScore !== null && previousGlobalScore - globalScore >= FALLING_SCORE_DROP - EPSILON)
    add('falling_score', 2, `score global passé de ${percent(previousGlobalScore)} à ${percent(globalScore)}`);
  add('overdue_actions', Math.min(3, overdue), plural(overdue, 'action en retard', 'actions en retard'));
  if (inputs.isNew) add('new_member', 2, 'nouveau membre');
  if (!inputs.visitedThisCycle) add('not_visited', 3, 'pas encore audité dans ce cycle');
  if (globalScore === null) add('no_score', 3, 'aucune auto-évaluation');

  return { total: factors.reduce((sum, f) => sum + f.points, 0), factors };
}
