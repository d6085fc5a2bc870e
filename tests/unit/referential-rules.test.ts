import { describe, expect, it } from 'vitest';
import { formatProblems, parseReferential } from '../../src/domain/referential';
import { criterionData, validSources, withCriterion } from './fixtures/sources';

function problemsOf(sources: ReturnType<typeof validSources>) {
  const result = parseReferential(sources);
  if (result.ok) throw new Error('expected the referential to be refused');
  return result.problems;
}

describe('a valid referential', () => {
  it('is accepted and sorted by code', () => {
    const result = parseReferential(validSources());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.referential.criteria.map((c) => c.code).slice(0, 3)).toEqual(['ID.1.1', 'ID.2.1', 'ID.3.1']);
  });
});

describe('an invalid referential is refused with the sentence an editor reads', () => {
  const file = 'content/criteria/SR/SR.2.1.yaml';

  it('names an unknown ISO 9001 clause', () => {
    const problems = problemsOf(withCriterion('SR.2.1', (c) => (c.iso9001 = ['8.2', '8.9'])));
    expect(problems).toEqual([{ path: file, message: "l'article ISO 9001 « 8.9 » n'existe pas (voir content/reference/iso9001.yaml)" }]);
  });

  it('names an unknown ISO 26000 reference', () => {
    const problems = problemsOf(withCriterion('SR.2.1', (c) => (c.iso26000 = ['6.9'])));
    expect(problems).toEqual([{ path: file, message: "la référence ISO 26000 « 6.9 » n'existe pas (voir content/reference/iso26000.yaml)" }]);
  });

  it('refuses a duplicate code', () => {
    const sources = validSources();
    sources.criteria.push({ path: 'content/criteria/SR/copie/SR.2.1.yaml', data: criterionData('SR.2.1') });
    expect(problemsOf(sources)).toEqual([
      { path: 'content/criteria/SR/copie/SR.2.1.yaml', message: 'le code SR.2.1 est déjà utilisé par content/criteria/SR/SR.2.1.yaml' },
    ]);
  });

  it('refuses a malformed code', () => {
    const problems = problemsOf(withCriterion('SR.2.1', (c) => (c.code = 'SR-2-1')));
    expect(problems).toEqual([{ path: file, message: 'le code « SR-2-1 » est mal formé : attendu un code comme SR.4.2' }]);
  });

  it('refuses a code that does not match the file name or the sub-theme', () => {
    const problems = problemsOf(withCriterion('SR.2.1', (c) => (c.code = 'SR.3.7')));
    expect(problems.map((p) => p.message)).toEqual([
      "le fichier doit s'appeler SR.3.7.yaml, d'après le code du critère",
      'le code SR.3.7 doit commencer par celui de son sous-thème SR.2',
    ]);
  });

  it('refuses a missing level descriptor', () => {
    const problems = problemsOf(withCriterion('SR.2.1', (c) => delete (c.levels as Record<string, string>)['3']));
    expect(problems).toEqual([{ path: file, message: 'le descripteur du niveau 3 manque' }]);
  });

  it('refuses an empty or repeated level descriptor', () => {
    expect(problemsOf(withCriterion('SR.2.1', (c) => ((c.levels as Record<string, string>)['2'] = '  ')))).toEqual([
      { path: file, message: 'le descripteur du niveau 2 est vide' },
    ]);
    expect(problemsOf(withCriterion('SR.2.1', (c) => ((c.levels as Record<string, string>)['3'] = 'Écrit.')))).toEqual([
      { path: file, message: 'les descripteurs des niveaux 2 et 3 sont identiques : chaque niveau doit dire ce qui change' },
    ]);
  });

  it('refuses a reference to a missing theme or sub-theme', () => {
    expect(problemsOf(withCriterion('SR.2.1', (c) => (c.theme = 'XX')))).toEqual([
      { path: file, message: "le thème « XX » n'existe pas dans content/themes.yaml (thèmes connus : ID, SR, SU, AC)" },
    ]);
    expect(problemsOf(withCriterion('SR.2.1', (c) => (c.theme = 'SU')))).toEqual([
      { path: file, message: "le sous-thème « SR.2 » n'existe pas dans le thème SU (voir content/themes.yaml)" },
    ]);
  });

  it('refuses too few guiding questions or pieces of evidence, and a bad weight', () => {
    const problems = problemsOf(
      withCriterion('SR.2.1', (c) => {
        c.guidingQuestions = ['Une seule ?'];
        c.expectedEvidence = [];
        c.weight = 5;
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'il faut au moins 2 questions guides',
      'il faut au moins 2 preuves attendues',
      'le poids doit être un nombre entier de 1 à 3',
    ]);
  });

  it('refuses a regulatory criterion without its legal basis, and tracks without references', () => {
    const problems = problemsOf(
      withCriterion('SR.2.1', (c) => {
        c.regulatory = true;
        c.iso9001 = [];
        c.iso26000 = [];
      }),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'un critère réglementaire doit indiquer sa base réglementaire (regulatoryBasis)',
      'un critère du parcours CAP_ISO9001 doit citer au moins un article ISO 9001',
      'un critère du parcours CAP_RSE doit citer au moins une référence ISO 26000',
    ]);
  });

  it('refuses a misspelt field and an unknown structure type', () => {
    const problems = problemsOf(
      withCriterion('SR.2.1', (c) => {
        c.titel = c.title;
        delete c.title;
        c.appliesTo = ['AI', 'CHRS'];
      }),
    );
    expect(problems.map((p) => p.message)).toEqual(['le titre manque', 'champ inconnu : « titel »']);
    const types = problemsOf(withCriterion('SR.2.1', (c) => (c.appliesTo = ['AI', 'CHRS'])));
    expect(types[0]?.message).toMatch(/^le type de structure « CHRS » est inconnu/);
  });

  it('refuses a sub-theme with no criterion and a theme with too few sub-themes', () => {
    const sources = validSources();
    sources.criteria = sources.criteria.filter((c) => !(c.data as { code: string }).code.startsWith('AC.3'));
    expect(problemsOf(sources)).toEqual([{ path: 'content/themes.yaml', message: "le sous-thème AC.3 n'a aucun critère" }]);

    const themes = validSources();
    (themes.themes.data as { subThemes: unknown[] }[])[1]!.subThemes.pop();
    expect(problemsOf(themes)).toContainEqual({ path: 'content/themes.yaml', message: 'SR : un thème compte au moins 3 sous-thèmes' });
  });

  it('reports every problem at once, in a message that lists files', () => {
    const sources = withCriterion('SR.2.1', (c) => (c.iso9001 = ['8.9']));
    (sources.criteria[0]!.data as Record<string, unknown>).weight = 0;
    const message = formatProblems(problemsOf(sources));
    expect(message).toBe(
      [
        'Le référentiel CAP contient 2 erreurs. Corrigez ces fichiers puis relancez la construction :',
        '  - content/criteria/ID/ID.1.1.yaml : le poids doit être un nombre entier de 1 à 3',
        "  - content/criteria/SR/SR.2.1.yaml : l'article ISO 9001 « 8.9 » n'existe pas (voir content/reference/iso9001.yaml)",
      ].join('\n'),
    );
  });
});
