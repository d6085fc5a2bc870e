/**
 * The worked example of /methode/, computed by the same scoring module as the screens on a fictitious structure.
 * Its criterion codes use sub-theme 0 (SU.0.1…), which the referential's rules forbid: they can never be mistaken
 * for real criteria, whose titles and weights they would contradict. A test holds the page and this module together.
 */
import type { Rating } from '../evaluation/model';
import type { Level } from '../referential/constants';
import type { Criterion, Referential } from '../referential/model';
import { suggestActions, type Suggestion } from '../plan/suggest';
import { scoreCampaign, type CampaignScores } from './score';

export interface ExampleRow {
  code: string;
  title: string;
  theme: string;
  weight: 1 | 2 | 3;
  /** null: not rated yet; 'na': not applicable. */
  level: Level | null | 'na';
  regulatory: boolean;
}

export const EXAMPLE_ROWS: readonly ExampleRow[] = [
  { code: 'ID.0.1', title: 'Projet écrit et partagé (fictif)', theme: 'ID', weight: 2, level: 3, regulatory: false },
  { code: 'ID.0.2', title: 'Instances qui se réunissent (fictif)', theme: 'ID', weight: 1, level: 2, regulatory: false },
  { code: 'SR.0.1', title: 'Accueil organisé (fictif)', theme: 'SR', weight: 3, level: 3, regulatory: false },
  { code: 'SR.0.2', title: 'Suivi des parcours (fictif)', theme: 'SR', weight: 2, level: 3, regulatory: false },
  { code: 'SU.0.1', title: 'Évaluation des risques à jour (fictif)', theme: 'SU', weight: 3, level: 2, regulatory: true },
  { code: 'SU.0.2', title: 'Suivi de santé des salariés (fictif)', theme: 'SU', weight: 3, level: 3, regulatory: true },
  { code: 'SU.0.3', title: 'Données personnelles protégées (fictif)', theme: 'SU', weight: 2, level: 1, regulatory: true },
  { code: 'SU.0.4', title: 'Impacts environnementaux (fictif)', theme: 'SU', weight: 1, level: 'na', regulatory: false },
  { code: 'SU.0.5', title: 'Information interne (fictif)', theme: 'SU', weight: 1, level: null, regulatory: false },
  { code: 'AC.0.1', title: 'Auto-évaluation collective (fictif)', theme: 'AC', weight: 3, level: null, regulatory: false },
  { code: 'AC.0.2', title: 'Plan de progrès suivi (fictif)', theme: 'AC', weight: 3, level: null, regulatory: false },
];

const THEME_TITLES: Record<string, string> = { ID: 'Identité', SR: 'Services rendus', SU: 'Supports', AC: 'Amélioration continue et évaluation' };

export interface MethodExample {
  rows: readonly ExampleRow[];
  scores: CampaignScores;
  priorities: Suggestion[];
}

/** The example scored as a campaign would be, with the scale of the given referential. */
export function methodExample(scale: Pick<Referential, 'scale'>): MethodExample {
  const criteria = EXAMPLE_ROWS.map(
    (r): Criterion => ({
      code: r.code,
      theme: r.theme,
      subTheme: `${r.theme}.0`,
      title: r.title,
      description: r.title,
      guidingQuestions: [],
      expectedEvidence: [],
      levels: { 0: '', 1: '', 2: '', 3: '', 4: '' },
      iso9001: [],
      iso26000: [],
      appliesTo: 'ALL',
      weight: r.weight,
      regulatory: r.regulatory,
      tracks: ['CAP'],
      cooraceResources: [],
      notesFor: {},
    }),
  );
  const referential = {
    ...scale,
    themes: Object.entries(THEME_TITLES).map(([code, title]) => ({ code, title, description: title, subThemes: [{ code: `${code}.0`, title, objective: title }] })),
    criteria,
  } as unknown as Referential;
  const ratings = new Map<string, Rating>(
    EXAMPLE_ROWS.filter((r) => r.level !== null).map((r) => [
      r.code,
      { campaignId: 'exemple', criterionCode: r.code, level: r.level === 'na' ? null : r.level, notApplicable: r.level === 'na' ? { justification: 'Exemple' } : null, comment: '', toReview: false, carriedOver: false, updatedAt: '' },
    ]),
  );
  return { rows: EXAMPLE_ROWS, scores: scoreCampaign(referential, criteria, ratings), priorities: suggestActions(referential, criteria, ratings) };
}
