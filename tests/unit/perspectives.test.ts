/** Participants' views side by side: the spread, the divergence threshold, the discussion points. */
import { describe, expect, it } from 'vitest';
import { parseReferential } from '../../src/domain/referential';
import type { Participant, ParticipantView, Rating } from '../../src/domain/evaluation/model';
import type { Level } from '../../src/domain/referential/constants';
import { compareViews, discussionPoints, viewsOfParticipants } from '../../src/domain/perspectives/views';
import { validSources } from './fixtures/sources';

const parsed = parseReferential(validSources());
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const scope = parsed.referential.criteria;
const [first, second, third] = scope.map((c) => c.code) as [string, string, string];

const claire: Participant = { id: 'p-claire', name: 'Claire Martin', role: 'direction' };
const malik: Participant = { id: 'p-malik', name: 'Malik Benali', role: 'salarie_parcours' };
const rose: Participant = { id: 'p-rose', name: 'Rose Dupuis', role: 'benevole' };

const view = (participant: Participant, criterionCode: string, level: Level | 'na'): ParticipantView => ({
  campaignId: 'c',
  criterionCode,
  participantId: participant.id,
  level: level === 'na' ? null : level,
  notApplicable: level === 'na',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const levels = (...given: (Level | 'na')[]) => given.map((level) => ({ level: level === 'na' ? null : level, notApplicable: level === 'na' }));

describe('compareViews', () => {
  it('has no spread and no divergence without views or with a single level', () => {
    expect(compareViews([])).toEqual({ levels: [], notApplicable: 0, min: null, max: null, spread: 0, divergent: false });
    expect(compareViews(levels(3))).toMatchObject({ min: 3, max: 3, spread: 0, divergent: false });
  });

  it('flags a divergence from exactly 2 levels apart, not at 1', () => {
    expect(compareViews(levels(1, 2))).toMatchObject({ spread: 1, divergent: false });
    expect(compareViews(levels(1, 3))).toMatchObject({ spread: 2, divergent: true });
    expect(compareViews(levels(0, 4, 2))).toMatchObject({ min: 0, max: 4, spread: 4, divergent: true });
  });

  it('counts N/A views apart and leaves them out of the spread', () => {
    const comparison = compareViews(levels('na', 0, 1, 'na'));
    expect(comparison).toMatchObject({ levels: [0, 1], notApplicable: 2, min: 0, max: 1, spread: 1, divergent: false });
    expect(compareViews(levels('na', 4))).toMatchObject({ spread: 0, divergent: false });
  });

  it('ignores a view without a level', () => {
    expect(compareViews([{ level: null, notApplicable: false }, ...levels(2)])).toMatchObject({ levels: [2], spread: 0 });
  });
});

describe('viewsOfParticipants', () => {
  it('keeps the views of the current participants, in their order, and drops those of anyone removed', () => {
    const views = [view(claire, first, 0), view(rose, first, 4), view(malik, second, 1), view(rose, third, 2)];
    expect(viewsOfParticipants([claire, malik], views)).toEqual([views[0], views[2]]);
    expect(viewsOfParticipants([], views)).toEqual([]);
  });
});

describe('discussionPoints', () => {
  const participants = [claire, malik, rose];
  const retained: Rating = {
    campaignId: 'c',
    criterionCode: second,
    level: 2,
    notApplicable: null,
    comment: '',
    toReview: false,
    carriedOver: false,
    retainedReason: 'Pratique réelle mais non écrite.',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };

  it('lists only divergent criteria, widest spread first, then in reading order', () => {
    const views = [
      view(claire, third, 1), view(malik, third, 3), // spread 2
      view(claire, first, 2), view(rose, first, 4), // spread 2
      view(claire, second, 0), view(malik, second, 4), // spread 4
      view(claire, scope[3]!.code, 2), view(malik, scope[3]!.code, 3), // spread 1: not a point
    ];
    const points = discussionPoints(scope, participants, views, new Map([[second, retained]]));
    expect(points.map((p) => [p.criterion.code, p.comparison.spread])).toEqual([[second, 4], [first, 2], [third, 2]]);
    expect(points[0]!.retained).toBe(retained);
    expect(points[1]!.retained).toBeUndefined();
  });

  it("gives every participant's view in the campaign's order, null where none was given", () => {
    const [point] = discussionPoints(scope, participants, [view(rose, first, 4), view(claire, first, 1)], new Map());
    expect(point!.views.map((v) => [v.participant.id, v.view?.level ?? null])).toEqual([[claire.id, 1], [malik.id, null], [rose.id, 4]]);
  });

  it('ignores the views of participants removed from the campaign', () => {
    const views = [view(claire, first, 0), view(rose, first, 4), view(malik, first, 1)];
    const points = discussionPoints(scope, [claire, malik], views, new Map());
    expect(points).toEqual([]);
    expect(discussionPoints(scope, [claire, malik], [...views, view(malik, second, 3), view(claire, second, 1)], new Map()).map((p) => p.criterion.code)).toEqual([second]);
  });

  it('ignores N/A views and criteria outside the scope', () => {
    const views = [view(claire, first, 'na'), view(malik, first, 0), view(rose, first, 1), view(claire, 'ZZ.9.9', 0), view(malik, 'ZZ.9.9', 4)];
    expect(discussionPoints(scope, participants, views, new Map())).toEqual([]);
  });
});
