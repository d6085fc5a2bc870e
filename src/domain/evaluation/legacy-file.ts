/**
 * Backups and campaign files of format 1 and 2 (referential 2026.1) as this version holds them: each structure's
 * types become its profile, and so do those of an audited structure. Called once the file's seal has been checked
 * on the content as written; everything else is kept as it was.
 */
import { withProfile, withProfiledStructure } from '../structure/legacy';
import { EXCHANGE_FORMAT_VERSION, type ExchangeContent, type ExchangeFile, type LegacyExchangeFile } from './exchange-schema';

export function upgradeLegacyFile(file: LegacyExchangeFile): ExchangeFile {
  const { audits, structures, ...rest } = file.content;
  const content: ExchangeContent = { ...rest, structures: structures.map(withProfile) };
  // Absent from format 1 files, and kept absent: the content must come back as it was, but for the profile.
  if (audits) content.audits = audits.map((audit) => ({ ...audit, subject: audit.subject && withProfiledStructure(audit.subject) }));
  return { ...file, formatVersion: EXCHANGE_FORMAT_VERSION, content };
}
