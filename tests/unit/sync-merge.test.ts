/**
 * The merge rules of records edited apart (src/domain/sync/merge.ts), on every record type: no edit is silently
 * lost, edits of different fields merge, both devices compute the same record, a list keeps both sides' additions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDeletion, mergeRecord, same, type RecordKind } from '../../src/domain/sync/merge';

const text = fc.string({ maxLength: 12 });
const level = fc.constantFrom(null, 0, 1, 2, 3, 4);
const date = fc.constantFrom('2026-01-05T10:00:00.000Z', '2026-03-01T08:00:00.000Z', '2026-06-30T17:30:00.000Z');
const participant = fc.record({ id: fc.constantFrom('p1', 'p2', 'p3', 'p4'), name: text, role: fc.constantFrom('direction', 'permanent') });
const participants = fc.uniqueArray(participant, { selector: (p) => p.id, maxLength: 4 });
const tracks = fc.uniqueArray(fc.constantFrom('CAP', 'CAP_ISO9001', 'CAP_RSE'), { maxLength: 3 });

/** For each record type, an arbitrary record with the fields the app writes. */
const records: Record<RecordKind, fc.Arbitrary<Record<string, unknown>>> = {
  structure: fc.record({ id: fc.constant('s1'), name: text, siret: text, region: text, conventionnements: fc.uniqueArray(fc.constantFrom('ACI', 'AI', 'EI', 'ETTI'), { maxLength: 4 }), ensemblier: fc.boolean(), headcount: fc.option(fc.nat(300)), updatedAt: date }),
  campaign: fc.record({ id: fc.constant('c1'), name: text, date: fc.constantFrom('2026-01-10', '2026-02-20'), tracks, participants, isoExclusions: fc.uniqueArray(fc.record({ clause: fc.constant('8.3'), justification: text }), { selector: (e) => e.clause, maxLength: 1 }), updatedAt: date }),
  rating: fc.record({ campaignId: fc.constant('c1'), criterionCode: fc.constant('ID.1.1'), level, notApplicable: fc.option(fc.record({ justification: text })), comment: text, toReview: fc.boolean(), carriedOver: fc.boolean(), retainedReason: text, updatedAt: date }),
  view: fc.record({ campaignId: fc.constant('c1'), criterionCode: fc.constant('ID.1.1'), participantId: fc.constant('p1'), level, notApplicable: fc.boolean(), updatedAt: date }),
  evidence: fc.record({ id: fc.constant('e1'), campaignId: fc.constant('c1'), criterionCode: fc.constant('ID.1.1'), title: text, kind: fc.constantFrom('document', 'link'), url: text, file: fc.constant(null), createdAt: date }),
  action: fc.record({ id: fc.constant('a1'), campaignId: fc.constant('c1'), title: text, criterionCodes: fc.uniqueArray(fc.constantFrom('ID.1.1', 'ID.1.2', 'SR.4.2'), { maxLength: 3 }), owner: text, dueDate: fc.constantFrom('', '2026-09-30'), status: fc.constantFrom('a_lancer', 'en_cours', 'realisee'), notes: text, updatedAt: date }),
  dismissal: fc.record({ campaignId: fc.constant('c1'), criterionCode: fc.constant('ID.1.1') }),
};
const kinds = Object.keys(records) as RecordKind[];

/** A base record and two versions, each the base with some fields replaced by another arbitrary record's. */
const apart = (kind: RecordKind) =>
  fc.tuple(records[kind], records[kind], records[kind], fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 })).map(([base, a, b, maskA, maskB]) => {
    const fields = Object.keys(base);
    const edit = (other: Record<string, unknown>, mask: boolean[]) => Object.fromEntries(fields.map((f, i) => [f, mask[i] ? other[f] : base[f]]));
    return { base, ours: edit(a, maskA), theirs: edit(b, maskB) };
  });

describe.each(kinds)('merging two versions of a %s', (kind) => {
  it('loses no edit: each changed field is merged in, or offered with both values', () => {
    fc.assert(
      fc.property(apart(kind), ({ base, ours, theirs }) => {
        const { merged, conflicts } = mergeRecord(kind, base, ours, theirs);
        const result = merged as Record<string, unknown>;
        const has = (list: unknown, item: unknown) => Array.isArray(list) && list.some((m) => same(m, item));
        for (const side of [ours, theirs]) {
          for (const [field, value] of Object.entries(side)) {
            if (same(value, base[field]) || field === 'updatedAt') continue;
            const conflict = conflicts.find((c) => c.field === field);
            if (conflict) {
              // Offered: the user sees this side's value.
              expect(same(conflict.ours, value) || same(conflict.theirs, value)).toBe(true);
            } else if (Array.isArray(value) && Array.isArray(base[field])) {
              // A list: what this side added is there, what it removed is gone.
              for (const item of value) if (!has(base[field], item)) expect(has(result[field], item)).toBe(true);
              for (const item of base[field] as unknown[]) if (!has(value, item)) expect(has(result[field], item)).toBe(false);
            } else {
              expect(result[field]).toEqual(value);
            }
          }
        }
      }),
    );
  });

  it('merges one side’s edits without conflict, and agrees whichever side is « ours »', () => {
    fc.assert(
      fc.property(apart(kind), ({ base, ours, theirs }) => {
        expect(mergeRecord(kind, base, base, theirs)).toEqual({ merged: theirs, conflicts: [] });
        expect(mergeRecord(kind, base, ours, base)).toEqual({ merged: ours, conflicts: [] });
        expect(mergeRecord(kind, base, ours, ours).conflicts).toEqual([]);
        const one = mergeRecord(kind, base, ours, theirs);
        const other = mergeRecord(kind, base, theirs, ours);
        expect(one.conflicts.map((c) => c.field)).toEqual(other.conflicts.map((c) => c.field));
        // Outside conflicts, both devices hold the same record (lists up to order).
        for (const field of Object.keys(one.merged)) {
          if (one.conflicts.some((c) => c.field === field)) continue;
          const [x, y] = [(one.merged as Record<string, unknown>)[field], (other.merged as Record<string, unknown>)[field]];
          if (Array.isArray(x) && Array.isArray(y)) expect(new Set(x.map((i) => JSON.stringify(i)))).toEqual(new Set(y.map((i) => JSON.stringify(i))));
          else expect(x).toEqual(y);
        }
      }),
    );
  });
});

describe('merge rules, by example', () => {
  const rating = { campaignId: 'c1', criterionCode: 'ID.1.1', level: 2, notApplicable: null, comment: 'Procédure connue', toReview: false, carriedOver: false, updatedAt: '2026-03-01T08:00:00.000Z' };

  it('two people changing the same comment offline: both versions are kept for them to choose', () => {
    const { merged, conflicts } = mergeRecord('rating', rating, { ...rating, comment: 'Version de la directrice', updatedAt: '2026-03-02T08:00:00.000Z' }, { ...rating, comment: 'Version du permanent', updatedAt: '2026-03-02T09:00:00.000Z' });
    expect(conflicts).toEqual([{ field: 'comment', base: 'Procédure connue', ours: 'Version de la directrice', theirs: 'Version du permanent' }]);
    expect(merged.comment).toBe('Version de la directrice');
    expect(merged.updatedAt).toBe('2026-03-02T09:00:00.000Z');
  });

  it('different fields of one record merge: one changes the level, the other the comment', () => {
    const { merged, conflicts } = mergeRecord('rating', rating, { ...rating, level: 3 }, { ...rating, comment: 'Preuve ajoutée' });
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({ level: 3, comment: 'Preuve ajoutée' });
  });

  it('participants added on two devices are both kept; one removed stays removed', () => {
    const alice = { id: 'p1', name: 'Alice', role: 'direction' };
    const bruno = { id: 'p2', name: 'Bruno', role: 'permanent' };
    const carla = { id: 'p3', name: 'Carla', role: 'permanent' };
    const dan = { id: 'p4', name: 'Dan', role: 'direction' };
    const campaign = { id: 'c1', name: 'CAP 2026', participants: [alice, bruno], tracks: ['CAP'], updatedAt: '2026-03-01' };
    const { merged, conflicts } = mergeRecord('campaign', campaign, { ...campaign, participants: [alice, bruno, carla] }, { ...campaign, participants: [alice, dan], tracks: ['CAP', 'CAP_RSE'] });
    expect(conflicts).toEqual([]);
    expect(merged.participants).toEqual([alice, carla, dan]);
    expect(merged.tracks).toEqual(['CAP', 'CAP_RSE']);
  });

  it('a participant renamed on one device and removed on the other is kept, and said', () => {
    const alice = { id: 'p1', name: 'Alice', role: 'direction' };
    const campaign = { id: 'c1', participants: [alice] };
    const { merged, conflicts } = mergeRecord('campaign', campaign, { ...campaign, participants: [{ ...alice, name: 'Alice Martin' }] }, { ...campaign, participants: [] });
    expect(merged.participants).toEqual([{ ...alice, name: 'Alice Martin' }]);
    expect(conflicts.map((c) => c.field)).toEqual(['participants']);
  });

  it('without the common version, every difference is offered, nothing picked silently', () => {
    const { conflicts } = mergeRecord('rating', null, { ...rating, level: 3 }, { ...rating, comment: 'Autre' });
    expect(conflicts.map((c) => c.field).sort()).toEqual(['comment', 'level']);
  });

  it('a record deleted on one device and changed on the other stays; deleted and untouched, it goes', () => {
    expect(mergeDeletion(rating, { ...rating, comment: 'Complété hors ligne' })).toEqual({ ...rating, comment: 'Complété hors ligne' });
    expect(mergeDeletion(rating, { ...rating })).toBeNull();
  });
});
