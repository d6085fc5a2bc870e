/** Progress summaries: built at once (summarize) or one rating at a time (withRating), they say the same. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/domain/evaluation/model';
import { summarize, withRating, type ProgressSummary } from '../../src/domain/evaluation/progress-summary';

const rating = fc.record({
  campaignId: fc.constant('c'),
  criterionCode: fc.constantFrom('ID.1.1', 'ID.1.2', 'SR.4.2', 'SU.1.1', 'AC.1.1'),
  level: fc.constantFrom(null, 0, 1, 2, 3),
  notApplicable: fc.constantFrom(null, { justification: 'Sans objet ici.' }),
  toReview: fc.boolean(),
}) as fc.Arbitrary<Rating>;

const asSets = (s: ProgressSummary) => ({ rated: new Set(s.rated), notApplicable: new Set(s.notApplicable), toReview: new Set(s.toReview) });
const empty = (): ProgressSummary => ({ campaignId: 'c', rated: [], notApplicable: [], toReview: [] });

describe('progress summary', () => {
  it('summarize gives the lists that withRating reaches one rating at a time', () => {
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 30 }), (ratings) => {
        const stepByStep = ratings.reduce(withRating, empty());
        const atOnce = summarize('c', ratings);
        expect(asSets(atOnce)).toEqual(asSets(stepByStep));
        // No code twice in a list.
        for (const list of [atOnce.rated, atOnce.notApplicable, atOnce.toReview]) expect(new Set(list).size).toBe(list.length);
      }),
    );
  });

  it('withRating gives back the same summary when the rating moves no code, a new one otherwise', () => {
    fc.assert(
      fc.property(fc.array(rating, { maxLength: 20 }), rating, (before, next) => {
        const summary = summarize('c', before);
        const after = withRating(summary, next);
        const unmoved = (['rated', 'notApplicable', 'toReview'] as const).every((list) => {
          const now = next.notApplicable !== null ? list === 'notApplicable' : list === 'rated' ? next.level !== null : false;
          return summary[list].includes(next.criterionCode) === (list === 'toReview' ? next.toReview : now);
        });
        expect(after === summary).toBe(unmoved);
      }),
    );
  });
});
