/** Scoring rules with hand-computed expectations (the method published on /methode). */
import { describe, expect, it } from 'vitest';
import { parseReferential, type Criterion, type Referential } from '../../src/domain/referential';
import type { Rating } from '../../src/domain/evaluation/model';
import { formatScore, scoreCampaign, scoreCriteria } from '../../src/domain/scoring/score';
import { iso9001Readiness } from '../../src/domain/scoring/readiness';
import { suggestActions } from '../../src/domain/plan/suggest';
import { isOverdue, quarterOf } from '../../src/domain/plan/model';
import { parseCsv, toCsv } from '../../src/domain/plan/csv';
import { validSources } from './fixtures/sources';

function referentialWith(change: (criteria: Record<string, unknown>[]) => void): Referential {
  const sources = validSources();
  change(sources.criteria.map((c) => c.data as Record<string, unknown>));
  const result = parseReferential(sources);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.referential;
}

const rating = (criterionCode: string, level: Rating['level'], na = false): Rating => ({
  campaignId: 'c',
  criterionCode,
  level: na ? null : level,
  notApplicable: na ? { justification: 'Pas de mise à disposition.' } : null,
  comment: '',
  toReview: false,
  carriedOver: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const byCode = (...ratings: Rating[]) => new Map(ratings.map((r) => [r.criterionCode, r]));

// ID.1.1 weight 3, ID.2.1 weight 1, ID.3.1 weight 2 (the others weight 2)
const referential = referentialWith((criteria) => {
  criteria.find((c) => c.code === 'ID.1.1')!.weight = 3;
  criteria.find((c) => c.code === 'ID.2.1')!.weight = 1;
  Object.assign(criteria.find((c) => c.code === 'SR.1.1')!, { regulatory: true, regulatoryBasis: 'Code du travail.' });
});
const scope = referential.criteria;
const code = (c: string) => scope.find((x) => x.code === c) as Criterion;

describe('criterion and theme scores', () => {
  it('weights the mean and leaves N/A and unrated criteria out, with coverage', () => {
    // ID: 1.1 level 4 (w3) → 1 ; 2.1 level 0 (w1) → 0 ; 3.1 N/A. Mean = (3×1 + 1×0) / 4 = 0.75.
    const score = scoreCriteria([code('ID.1.1'), code('ID.2.1'), code('ID.3.1')], byCode(rating('ID.1.1', 4), rating('ID.2.1', 0), rating('ID.3.1', null, true)));
    expect(score).toEqual({ value: 0.75, rated: 2, applicable: 2, coverage: 1, partial: false });
  });

  it('marks a score on partial coverage as provisional', () => {
    // ID.1.1 level 2 (w3) → 0.5; ID.2.1 not rated.
    expect(scoreCriteria([code('ID.1.1'), code('ID.2.1')], byCode(rating('ID.1.1', 2)))).toEqual({ value: 0.5, rated: 1, applicable: 2, coverage: 0.5, partial: true });
    expect(scoreCriteria([code('ID.1.1')], new Map())).toEqual({ value: null, rated: 0, applicable: 1, coverage: 0, partial: true });
  });

  it('gives the global score as the plain mean of the four themes, and names the weakest', () => {
    // ID: 1.1→4, 2.1→4, 3.1→4 : 1. SR: all 3 → 0.75. SU: all 2 → 0.5. AC: all 1 → 0.25. Mean = 2.5 / 4 = 0.625.
    const levels: Record<string, Rating['level']> = { ID: 4, SR: 3, SU: 2, AC: 1 };
    const ratings = byCode(...scope.map((c) => rating(c.code, levels[c.theme]!)));
    const result = scoreCampaign(referential, scope, ratings);
    expect(result.themes.map((t) => t.score.value)).toEqual([1, 0.75, 0.5, 0.25]);
    expect(result.global.value).toBe(0.625);
    expect(result.global.partial).toBe(false);
    expect(result.weakestTheme?.code).toBe('AC');
    expect(formatScore(result.global.value)).toBe('63 %');
    expect(result.themes[1]!.subThemes.map((s) => s.subTheme.code)).toEqual(['SR.1', 'SR.2', 'SR.3']);
  });

  it('keeps the global score partial while a theme has no rating', () => {
    const result = scoreCampaign(referential, scope, byCode(rating('ID.1.1', 4)));
    expect(result.global.value).toBe(1);
    expect(result.global.partial).toBe(true);
    expect(result.weakestTheme).toBeNull();
  });

  it('raises an alert for a regulatory criterion at 0 or 1, whatever the averages', () => {
    const ratings = byCode(...scope.map((c) => rating(c.code, 4)), rating('SR.1.1', 1));
    const result = scoreCampaign(referential, scope, ratings);
    expect(result.global.value).toBeGreaterThan(0.9);
    expect(result.alerts.map((a) => [a.criterion.code, a.level])).toEqual([['SR.1.1', 1]]);
    expect(scoreCampaign(referential, scope, byCode(rating('SR.1.1', 2))).alerts).toEqual([]);
  });

  it('scores ISO 9001 readiness per sub-clause from the mapped criteria', () => {
    // Every fixture criterion cites 8.1: readiness of 8.1 = weighted mean of all rated ones.
    const readiness = iso9001Readiness(referential, scope, byCode(rating('ID.1.1', 4), rating('ID.2.1', 0)));
    const row = readiness.find((r) => r.reference.code === '8.1')!;
    expect(row.score.value).toBe(0.75);
    expect(row.score.rated).toBe(2);
    expect(readiness.find((r) => r.reference.code === '4.1')!.criteria).toEqual([]);
    expect(readiness).toHaveLength(28);
  });
});

describe('plan suggestions', () => {
  it('rank regulatory alerts first, then weight × distance to the target, and draft from the next level', () => {
    const ratings = byCode(rating('ID.1.1', 1), rating('ID.2.1', 0), rating('SR.1.1', 1), rating('SU.1.1', 3), rating('AC.1.1', 2));
    const suggestions = suggestActions(referential, scope, ratings, { dismissed: new Set(['AC.1.1']) });
    // SR.1.1 regulatory at 1 ; ID.1.1 w3 × (3−1) = 6 ; ID.2.1 w1 × 3 = 3 ; SU.1.1 at target ; AC.1.1 dismissed.
    expect(suggestions.map((s) => [s.criterion.code, s.gap, s.priority])).toEqual([
      ['SR.1.1', 4, 'haute'],
      ['ID.1.1', 6, 'haute'],
      ['ID.2.1', 3, 'moyenne'],
    ]);
    expect(suggestions[1]!.draft.title).toBe('ID.1.1 – passer au niveau 2 « Formalisé » : Critère ID.1.1');
    expect(suggestions[1]!.draft.notes).toBe('Objectif (niveau 2) : Écrit.');
  });

  it('skip criteria an open action already covers', () => {
    const ratings = byCode(rating('ID.1.1', 1));
    expect(suggestActions(referential, scope, ratings, { actions: [{ criterionCodes: ['ID.1.1'], status: 'en_cours' }] })).toEqual([]);
    expect(suggestActions(referential, scope, ratings, { actions: [{ criterionCodes: ['ID.1.1'], status: 'abandonnee' }] })).toHaveLength(1);
  });

  it('know overdue actions and quarters', () => {
    expect(isOverdue({ status: 'en_cours', dueDate: '2026-01-31' }, '2026-02-01')).toBe(true);
    expect(isOverdue({ status: 'realisee', dueDate: '2026-01-31' }, '2026-02-01')).toBe(false);
    expect(isOverdue({ status: 'a_lancer', dueDate: '' }, '2026-02-01')).toBe(false);
    expect(quarterOf('2027-05-15')).toBe('T2 2027');
    expect(quarterOf('')).toBe('Sans échéance');
  });
});

describe('CSV for French Excel', () => {
  it('writes a BOM, « ; », CRLF, decimal commas and quotes, and reads back the same cells', () => {
    const csv = toCsv(['Code', 'Score', 'Commentaire'], [['SR.4.2', 0.75, 'Dit « oui » ; puis "non"\nfin'], ['ID.1.1', null, 'é']]);
    expect(csv.startsWith('\uFEFFCode;Score;Commentaire\r\n')).toBe(true);
    expect(csv).toContain('SR.4.2;0,75;"Dit « oui » ; puis ""non""\nfin"\r\n');
    expect(parseCsv(csv)).toEqual([
      ['Code', 'Score', 'Commentaire'],
      ['SR.4.2', '0,75', 'Dit « oui » ; puis "non"\nfin'],
      ['ID.1.1', '', 'é'],
    ]);
  });
});
