/** The real referential of content/: complete, consistent, and covering both standards. */
import { describe, expect, it } from 'vitest';
import { loadReferential } from '../../src/loaders/referential';
import { iso9001Correspondence, uncoveredIso26000Subjects, uncoveredIso9001SubClauses } from '../../src/domain/referential';

const referential = loadReferential('content');

describe('the CAP referential', () => {
  it('has a version that evaluations can pin', () => {
    expect(referential.version).toMatch(/^\d{4}\.\d+$/);
  });

  it('has the four CAP themes, each with 3 to 7 sub-themes, and at least 80 criteria', () => {
    expect(referential.themes.map((t) => t.title)).toEqual([
      'Identité',
      'Services rendus',
      'Supports',
      'Amélioration continue et évaluation',
    ]);
    for (const theme of referential.themes) {
      expect(theme.subThemes.length).toBeGreaterThanOrEqual(3);
      expect(theme.subThemes.length).toBeLessThanOrEqual(7);
    }
    expect(referential.criteria.length).toBeGreaterThanOrEqual(80);
  });

  it('has the 0–4 scale with the CAP labels', () => {
    expect(referential.scale.levels.map((l) => `${l.level} ${l.label}`)).toEqual([
      '0 Absent',
      '1 Initié',
      '2 Formalisé',
      '3 Déployé',
      '4 Maîtrisé',
    ]);
  });

  it('maps every ISO 9001 sub-clause from 4.1 to 10.3 to at least one criterion', () => {
    const subClauses = iso9001Correspondence(referential).filter((row) => row.depth === 2);
    expect(subClauses.map((row) => row.reference.code)).toContain('10.3');
    expect(subClauses).toHaveLength(28);
    expect(uncoveredIso9001SubClauses(referential)).toEqual([]);
  });

  it('maps every ISO 26000 core subject from 6.2 to 6.8 to at least one criterion', () => {
    expect(uncoveredIso26000Subjects(referential)).toEqual([]);
  });

  it('gives every criterion five distinct descriptors, questions and evidence', () => {
    for (const c of referential.criteria) {
      expect(new Set(Object.values(c.levels)).size, c.code).toBe(5);
      expect(c.guidingQuestions.length, c.code).toBeGreaterThanOrEqual(2);
      expect(c.expectedEvidence.length, c.code).toBeGreaterThanOrEqual(2);
    }
  });

  it('flags regulatory criteria and restricts type-specific ones', () => {
    expect(referential.criteria.filter((c) => c.regulatory).length).toBeGreaterThanOrEqual(8);
    const sr42 = referential.criteria.find((c) => c.code === 'SR.4.2');
    expect(sr42?.appliesTo).toEqual(['AI', 'ETTI', 'GEIQ']);
  });

  it('uses only characters a French document can print (no narrow spaces or symbols outside Latin-1)', () => {
    const text = JSON.stringify(referential);
    const outside = [...new Set(text.match(/[^\u0000-\u00ff\u0152\u0153\u2019\u2013\u2014\u2026\u20ac«»]/gu) ?? [])];
    expect(outside).toEqual([]);
  });
});
