import { describe, expect, it } from 'vitest';
import { compareCodes, isWithin, normalizeForSearch, searchCriteria, type Criterion } from '../../src/domain/referential';
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
