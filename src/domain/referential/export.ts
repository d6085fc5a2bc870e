/** The machine-readable referential published at /referentiel.json. */
import type { Referential } from './model';

export const REFERENTIAL_FORMAT = 'cap-progres/referentiel';
export const REFERENTIAL_FORMAT_VERSION = 1;

export function toReferentialExport(referential: Referential) {
  return {
    format: REFERENTIAL_FORMAT,
    formatVersion: REFERENTIAL_FORMAT_VERSION,
    version: referential.version,
    name: referential.name,
    publishedOn: referential.publishedOn,
    tracks: referential.tracks,
    structureTypes: referential.structureTypes,
    scale: referential.scale,
    themes: referential.themes.map(({ subThemes: _subThemes, ...theme }) => theme),
    subThemes: referential.themes.flatMap((theme) => theme.subThemes.map((sub) => ({ ...sub, theme: theme.code }))),
    criteria: referential.criteria,
    iso9001: referential.iso9001,
    iso26000: referential.iso26000,
  };
}

export type ReferentialExport = ReturnType<typeof toReferentialExport>;

/** The inverse of toReferentialExport, for code that reads /referentiel.json. */
export function fromReferentialExport(data: ReferentialExport): Referential {
  const { format: _f, formatVersion: _v, subThemes, themes, ...rest } = data;
  return {
    ...rest,
    themes: themes.map((theme) => ({
      ...theme,
      subThemes: subThemes.filter((s) => s.theme === theme.code).map(({ theme: _t, ...sub }) => sub),
    })),
  };
}
