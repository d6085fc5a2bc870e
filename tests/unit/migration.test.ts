/** The migration table between two referential versions: its checks, and answers carried through it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carryThrough, migrationProblems, type MigrationEntry, type MigrationTable, type OlderAnswer } from '../../src/domain/referential/migration';

const older = new Set(['ID.1.1', 'ID.1.4', 'AC.1.3', 'SR.2.5', 'SU.4.2', 'SR.4.2', 'SU.9.9']);
const newer = new Set(['ID.1.1', 'ID.1.5', 'SU.4.2', 'SR.4.2', 'SR.4.3', 'SU.1.6']);
const table: MigrationTable = {
  from: '2026.1',
  to: '2026.2',
  entries: [
    { kind: 'kept', from: 'ID.1.1', to: 'ID.1.1' },
    { kind: 'merged', from: ['ID.1.4', 'AC.1.3'], to: 'ID.1.5' },
    { kind: 'merged', from: ['SR.2.5', 'SU.4.2'], to: 'SU.4.2' },
    { kind: 'split', from: 'SR.4.2', to: ['SR.4.2', 'SR.4.3'] },
    { kind: 'removed', from: 'SU.9.9', reason: 'Obligation abrogée.' },
    { kind: 'new', to: 'SU.1.6' },
  ],
};
const answer = (criterionCode: string, level: number | null, comment = '', na?: string): OlderAnswer => ({ criterionCode, level, notApplicable: na ? { justification: na } : null, comment });

describe('checking a migration table', () => {
  it('accepts a table that says what every older criterion became and where every newer one comes from', () => {
    expect(migrationProblems(table, older, newer)).toEqual([]);
  });

  it('names, in French, the criterion a table forgets, the unknown one, and the ill-declared ones', () => {
    const forgetful = { ...table, entries: table.entries.filter((e) => e.kind !== 'removed' && e.kind !== 'new') };
    expect(migrationProblems(forgetful, older, newer)).toEqual([
      'La table de migration 2026.1 → 2026.2 ne dit pas ce que devient le critère SU.9.9 de 2026.1.',
      "La table de migration 2026.1 → 2026.2 ne dit pas d'où vient le critère SU.1.6 de 2026.2 (« nouveau » s'il l'est).",
    ]);
    const unknown: MigrationTable = { ...table, entries: [...table.entries, { kind: 'renamed', from: 'ZZ.1.1', to: 'ZZ.1.2' }] };
    expect(migrationProblems(unknown, older, newer)).toEqual([
      'La table de migration 2026.1 → 2026.2 nomme le critère ZZ.1.1, absent du référentiel 2026.1.',
      'La table de migration 2026.1 → 2026.2 nomme le critère ZZ.1.2, absent du référentiel 2026.2.',
    ]);
    const sloppy: MigrationTable = {
      ...table,
      entries: [...table.entries.slice(1, 4), { kind: 'renamed', from: 'ID.1.1', to: 'ID.1.1' }, { kind: 'removed', from: 'SU.9.9', reason: ' ' }, { kind: 'new', to: 'SU.1.6' }],
    };
    expect(migrationProblems(sloppy, older, newer)).toEqual([
      'La table de migration 2026.1 → 2026.2 renomme ID.1.1 sans changer son code : écrivez « gardé ».',
      'La table de migration 2026.1 → 2026.2 retire SU.9.9 sans dire pourquoi.',
    ]);
  });

  it('refuses a criterion said twice, on either side', () => {
    const twice: MigrationTable = { ...table, entries: [...table.entries, { kind: 'new', to: 'ID.1.1' }, { kind: 'removed', from: 'ID.1.1', reason: 'Doublon.' }] };
    expect(migrationProblems(twice, older, newer)).toEqual([
      'La table de migration 2026.1 → 2026.2 dit 2 fois ce que devient le critère ID.1.1 de 2026.1.',
      'La table de migration 2026.1 → 2026.2 fait venir le critère ID.1.1 de 2026.2 de 2 lignes.',
    ]);
  });

  it('finds, for any table, every entry left out', () => {
    // Tables built from random codes: each older code gets one fate, each newer code one origin.
    const code = fc.tuple(fc.constantFrom('ID', 'SR', 'SU', 'AC'), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([t, a, b]) => `${t}.${a}.${b}`);
    fc.assert(
      fc.property(fc.uniqueArray(code, { minLength: 4, maxLength: 30 }), fc.integer({ min: 0, max: 1000 }), (codes, pick) => {
        const entries: MigrationEntry[] = codes.map((c, i): MigrationEntry => (i % 3 === 0 ? { kind: 'kept', from: c, to: c } : i % 3 === 1 ? { kind: 'removed', from: c, reason: 'Retiré.' } : { kind: 'renamed', from: c, to: `${c}0` }));
        const from = new Set(codes);
        const to = new Set(entries.flatMap((e) => (e.kind === 'kept' || e.kind === 'renamed' ? [e.to] : [])));
        const whole = { from: '2026.1', to: '2026.2', entries };
        expect(migrationProblems(whole, from, to)).toEqual([]);
        const left = entries[pick % entries.length]!;
        const problems = migrationProblems({ ...whole, entries: entries.filter((e) => e !== left) }, from, to);
        expect(problems.length).toBeGreaterThan(0);
        expect(problems.every((p) => p.includes(left.kind === 'new' ? left.to : left.from as string))).toBe(true);
      }),
    );
  });
});

describe('carrying answers through the table', () => {
  const answers = [
    answer('ID.1.1', 3, 'Projet associatif voté.'),
    answer('ID.1.4', 4, 'Wiki interne.'),
    answer('AC.1.3', 1, 'Retours d’expérience rares.'),
    answer('SR.2.5', null, '', 'Aucune donnée de santé traitée.'),
    answer('SU.4.2', null, '', 'Sous-traité au groupement.'),
    answer('SR.4.2', 2, '480 h suivies.'),
    answer('SU.9.9', 0),
  ];

  it('gives each newer criterion one starting answer, with the older answers it came from', () => {
    const carried = carryThrough(table, answers);
    expect(carried.map((c) => c.criterionCode).sort()).toEqual([...newer].sort());
    const by = new Map(carried.map((c) => [c.criterionCode, c]));
    expect(by.get('ID.1.1')).toMatchObject({ origin: 'kept', level: 3, comment: 'Projet associatif voté.' });
    // A merge keeps the weakest level and every comment under its older code.
    expect(by.get('ID.1.5')).toMatchObject({ origin: 'merged', level: 1, comment: 'ID.1.4 : Wiki interne.\nAC.1.3 : Retours d’expérience rares.' });
    expect(by.get('ID.1.5')!.sources.map((s) => s.criterionCode)).toEqual(['ID.1.4', 'AC.1.3']);
    // Not applicable only when every source was, with every reason.
    expect(by.get('SU.4.2')).toMatchObject({ level: null, notApplicable: { justification: 'SR.2.5 : Aucune donnée de santé traitée.\nSU.4.2 : Sous-traité au groupement.' } });
    expect(by.get('SR.4.3')).toMatchObject({ origin: 'split', level: 2, comment: '480 h suivies.' });
    expect(by.get('SU.1.6')).toMatchObject({ origin: 'new', level: null, sources: [] });
  });

  it('starts a criterion whose older answer is missing unrated, without inventing one', () => {
    const carried = carryThrough(table, [answer('AC.1.3', 2)]);
    expect(carried.find((c) => c.criterionCode === 'ID.1.1')).toMatchObject({ level: null, sources: [], comment: '' });
    expect(carried.find((c) => c.criterionCode === 'ID.1.5')).toMatchObject({ level: 2, notApplicable: null });
  });
});
