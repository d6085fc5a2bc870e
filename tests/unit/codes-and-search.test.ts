import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodes, isWithin, normalizeForSearch, searchCriteria, type Criterion } from '../../src/domain/referential';
import { fromSearchIndex, indexCriterion, searchIndexed, searchWords, toSearchIndex } from '../../src/domain/referential/search';
import { loadReferential } from '../../src/loaders/referential';
import { criterionData } from './fixtures/sources';

describe('codes', () => {
  it('sort numerically, part by part', () => {
    expect(['SR.10.1', 'SR.2.1', 'SR.2.10', 'SR.2.2', 'AC.1.1'].sort(compareCodes)).toEqual([
      'AC.1.1',
      'SR.2.1',
      'SR.2.2',
      'SR.2.10',
      'SR.10.1',
    ]);
    expect(['10.1', '9.3', '8.2.2', '8.2', '8'].sort(compareCodes)).toEqual(['8', '8.2', '8.2.2', '9.3', '10.1']);
  });

  it('know which clause contains which', () => {
    expect(isWithin('8.2.2', '8.2')).toBe(true);
    expect(isWithin('8.2', '8.2')).toBe(true);
    expect(isWithin('8.21', '8.2')).toBe(false);
    expect(isWithin('10.1', '1')).toBe(false);
  });
});

describe('search', () => {
  const make = (code: string, title: string, description = 'Texte.') =>
    ({ ...criterionData(code), title, description }) as unknown as Criterion;
  const criteria = [
    make('SU.2.1', 'Document unique et prévention', 'La sécurité de tous les postes est évaluée.'),
    make('SR.1.2', 'Éligibilité PASS IAE sécurisée'),
    make('SR.4.4', 'Réclamations des clients traitées'),
  ];

  it('ignores accents and case', () => {
    expect(normalizeForSearch('Éligibilité Œuvre')).toBe('eligibilite oeuvre');
    expect(searchCriteria(criteria, 'securite').map((h) => h.criterion.code)).toEqual(['SU.2.1']);
    expect(searchCriteria(criteria, 'SECUR').map((h) => h.criterion.code)).toEqual(['SR.1.2', 'SU.2.1']);
    expect(searchCriteria(criteria, 'RÉCLAMATION').map((h) => h.criterion.code)).toEqual(['SR.4.4']);
  });

  it('requires every word, ranks title matches first, and finds codes', () => {
    expect(searchCriteria(criteria, 'pass iae').map((h) => h.criterion.code)).toEqual(['SR.1.2']);
    expect(searchCriteria(criteria, 'pass clients')).toEqual([]);
    expect(searchCriteria(criteria, 'SR.4').map((h) => h.criterion.code)).toEqual(['SR.4.4']);
    expect(searchCriteria(criteria, '  ')).toEqual([]);
  });
});

/** The words as the search first defined them, with Unicode properties in regular expressions: the oracle. */
const wordsByRegex = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .split(/[^\p{L}\p{N}.]+/u)
    .filter(Boolean);

describe('search words', () => {
  it('are those the regular expressions give, for any text (accents, ligatures, symbols, astral characters, lone surrogates)', () => {
    const french = fc.constantFrom('é', 'È', 'ç', 'Œ', 'æ', 'ß', '·', '’', '^', '`', '¨', '´', 'SR.4.2', ' ', '-', '«', '»', '𝔸', '😀', '\ud800', '\udc00', 'İ', 'ǅ', '٣', 'ﬁ');
    const text = fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), french), { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(searchWords(t)).toEqual(wordsByRegex(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('are those the regular expressions give over the whole referential', () => {
    for (const c of loadReferential('content').criteria) {
      for (const text of [c.title, c.description, ...c.guidingQuestions, ...c.expectedEvidence, ...Object.values(c.levels)]) expect(searchWords(text)).toEqual(wordsByRegex(text));
    }
  });
});

describe('the published search index', () => {
  const criteria = loadReferential('content').criteria;
  // Read back as the search page reads it, from its JSON text.
  const published = fromSearchIndex(JSON.parse(JSON.stringify(toSearchIndex(criteria))));
  const direct = criteria.map(indexCriterion);
  const vocabulary = [...new Set(direct.flatMap((i) => i.fields.flatMap(([words]) => words)))];

  it('finds the same criteria, with the same scores, as searching the referential itself', () => {
    const query = fc.array(fc.oneof(fc.constantFrom(...vocabulary), fc.constantFrom(...vocabulary).map((w) => w.slice(0, 3)), fc.string({ maxLength: 4 })), { minLength: 1, maxLength: 3 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(query, (q) => {
        const summary = (hits: { criterion: { code: string }; score: number }[]) => hits.map((h) => `${h.criterion.code}:${h.score}`);
        expect(summary(searchIndexed(published, q))).toEqual(summary(searchIndexed(direct, q)));
      }),
      { numRuns: 300 },
    );
    expect(searchIndexed(published, 'mise a disposition').map((h) => h.criterion.code)).toContain('SR.4.2');
  });

  it('keeps what the results show: code, title and description', () => {
    expect(published.map((i) => i.criterion)).toEqual(criteria.map(({ code, title, description }) => ({ code, title, description })));
  });
});
