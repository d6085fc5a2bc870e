/** Exports of a campaign (ratings, plan) as tables, built from the same scoring module as the screens. */
import type { Campaign, Evidence, Rating, Structure } from '../../domain/evaluation/model';
import { toCsv, type Cell } from '../../domain/plan/csv';
import { ACTION_STATUS_LABELS, PRIORITY_LABELS, type ProgressAction } from '../../domain/plan/model';
import type { Criterion, Referential } from '../../domain/referential/model';
import { criterionScore } from '../../domain/scoring/score';

export interface Table {
  header: string[];
  rows: Cell[][];
}

export const csvOf = (table: Table) => toCsv(table.header, table.rows);

export function ratingsTable(referential: Referential, structure: Structure, campaign: Campaign, scope: Criterion[], ratings: ReadonlyMap<string, Rating>, evidence: Evidence[]): Table {
  const header = ['Structure', 'Campagne', 'Référentiel', 'Thème', 'Sous-thème', 'Code', 'Critère', 'Poids', 'Réglementaire', 'Niveau', 'Intitulé du niveau', 'Score', 'Non applicable (justification)', 'Commentaire', 'À revoir', 'Preuves'];
  const rows = scope.map((c) => {
    const r = ratings.get(c.code);
    const level = r?.notApplicable ? null : (r?.level ?? null);
    return [
      structure.name,
      campaign.name,
      campaign.referentialVersion,
      referential.themes.find((t) => t.code === c.theme)?.title ?? c.theme,
      c.subTheme,
      c.code,
      c.title,
      c.weight,
      c.regulatory ? 'oui' : 'non',
      level,
      level === null ? '' : (referential.scale.levels[level]?.label ?? ''),
      criterionScore(r),
      r?.notApplicable?.justification ?? '',
      r?.comment ?? '',
      r?.toReview ? 'oui' : 'non',
      evidence.filter((e) => e.criterionCode === c.code).map((e) => e.title).join(' | '),
    ];
  });
  return { header, rows };
}

export function planTable(actions: ProgressAction[]): Table {
  return {
    header: ['Action', 'Critères', 'Pilote', 'Début', 'Échéance', 'Statut', 'Priorité', 'Indicateur', 'Ressources', 'Notes'],
    rows: actions.map((a) => [a.title, a.criterionCodes.join(', '), a.owner, a.startDate, a.dueDate, ACTION_STATUS_LABELS[a.status], PRIORITY_LABELS[a.priority], a.indicator, a.resources, a.notes]),
  };
}
