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
