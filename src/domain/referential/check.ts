/** Checks that span several files: codes, references between files, ISO references, consistency. */
import { isWithin } from './codes';
import { APPLICABILITY_TARGETS } from '../structure/profile';
import type { ContentProblem, Criterion, Referential } from './model';

export function checkReferential(
  referential: Referential,
  criteria: { path: string; criterion: Criterion }[],
  themesPath: string,
  claimedSubThemes: Set<unknown>,
  metaPath = 'referential.yaml',
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const themeCodes = new Set<string>();
  const subThemeOwner = new Map<string, string>();
  for (const theme of referential.themes) {
    if (themeCodes.has(theme.code)) report(themesPath, `le thème ${theme.code} est défini deux fois`);
    themeCodes.add(theme.code);
    for (const sub of theme.subThemes) {
      if (subThemeOwner.has(sub.code)) report(themesPath, `le sous-thème ${sub.code} est défini deux fois`);
      if (!isWithin(sub.code, theme.code)) {
        report(themesPath, `le sous-thème ${sub.code} doit commencer par le code de son thème ${theme.code}`);
      }
      subThemeOwner.set(sub.code, theme.code);
    }
  }

  const clauses = new Set(referential.iso9001.clauses.map((c) => c.code));
  const subjects = new Set(referential.iso26000.subjects.map((s) => s.code));
  const structureTypes = new Set(referential.structureTypes.map((t) => t.id));
  for (const type of structureTypes) {
    if (!APPLICABILITY_TARGETS.includes(type)) {
      report(metaPath, `le type de structure « ${type} » ne correspond à rien du profil d'une structure (connus : ${APPLICABILITY_TARGETS.join(', ')})`);
    }
  }
  const firstPathOfCode = new Map<string, string>();

  for (const { path, criterion: c } of criteria) {
    const fileName = path.split('/').pop();
    if (fileName !== `${c.code}.yaml`) report(path, `le fichier doit s'appeler ${c.code}.yaml, d'après le code du critère`);

    const other = firstPathOfCode.get(c.code);
    if (other) report(path, `le code ${c.code} est déjà utilisé par ${other}`);
    else firstPathOfCode.set(c.code, path);

    if (!themeCodes.has(c.theme)) {
      report(path, `le thème « ${c.theme} » n'existe pas dans ${themesPath} (thèmes connus : ${[...themeCodes].join(', ')})`);
    } else if (subThemeOwner.get(c.subTheme) !== c.theme) {
      report(path, `le sous-thème « ${c.subTheme} » n'existe pas dans le thème ${c.theme} (voir ${themesPath})`);
    }
    if (!isWithin(c.code, c.subTheme) || c.code === c.subTheme) {
      report(path, `le code ${c.code} doit commencer par celui de son sous-thème ${c.subTheme}`);
    }

    for (const ref of c.iso9001) {
      if (!clauses.has(ref)) report(path, `l'article ISO 9001 « ${ref} » n'existe pas (voir content/reference/iso9001.yaml)`);
    }
    for (const ref of c.iso26000) {
      if (!subjects.has(ref)) report(path, `la référence ISO 26000 « ${ref} » n'existe pas (voir content/reference/iso26000.yaml)`);
    }
    if (c.appliesTo !== 'ALL') {
      for (const type of c.appliesTo) {
        if (!structureTypes.has(type)) {
          report(path, `le type de structure « ${type} » est inconnu (types connus : ${[...structureTypes].join(', ')})`);
        }
      }
    }

    const seen = new Map<string, number>();
    for (const [level, descriptor] of Object.entries(c.levels)) {
      const twin = seen.get(descriptor);
      if (twin !== undefined) report(path, `les descripteurs des niveaux ${twin} et ${level} sont identiques : chaque niveau doit dire ce qui change`);
      seen.set(descriptor, Number(level));
    }

    for (const type of Object.keys(c.notesFor)) {
      if (!structureTypes.has(type)) report(path, `notesFor nomme le type de structure « ${type} », inconnu (types connus : ${[...structureTypes].join(', ')})`);
    }
    if (c.regulatoryCondition && !c.regulatory) {
      report(path, 'regulatoryCondition ne va qu\'avec un critère réglementaire (regulatory: true)');
    }
    if (c.regulatoryCondition && c.regulatoryCondition.minHeadcount === undefined && !c.regulatoryCondition.essOnly) {
      report(path, 'regulatoryCondition dit quand l\'obligation s\'applique : minHeadcount (effectif) ou essOnly: true');
    }
    if (c.regulatory && !c.regulatoryBasis) {
      report(path, 'un critère réglementaire doit indiquer sa base réglementaire (regulatoryBasis)');
    }
    if (c.tracks.includes('CAP_ISO9001') && c.iso9001.length === 0) {
      report(path, 'un critère du parcours CAP_ISO9001 doit citer au moins un article ISO 9001');
    }
    if (c.tracks.includes('CAP_RSE') && c.iso26000.length === 0) {
      report(path, 'un critère du parcours CAP_RSE doit citer au moins une référence ISO 26000');
    }
  }

  for (const sub of subThemeOwner.keys()) {
    if (!claimedSubThemes.has(sub)) {
      report(themesPath, `le sous-thème ${sub} n'a aucun critère`);
    }
  }
  return problems;
}
