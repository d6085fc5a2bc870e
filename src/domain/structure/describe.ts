/** A structure's profile in a French sentence, for screens and reports. */
import { COMMERCIAL_COMPANIES, CONVENTIONNEMENT_LABELS, LEGAL_FORM_LABELS, type StructureProfile } from './profile';

/** Short names: « AI, ACI », for lists. */
export function conventionnementCodes(profile: Pick<StructureProfile, 'conventionnements'>): string {
  return profile.conventionnements.join(', ');
}

/** « Association · AI, ACI (ensemblier) · membre du groupe « Groupe CAP » · effectif 24 ». */
export function describeProfile(profile: StructureProfile): string {
  const parts: string[] = [profile.legalForm ? LEGAL_FORM_LABELS[profile.legalForm] : 'forme juridique à préciser'];
  if (profile.legalForm && COMMERCIAL_COMPANIES.includes(profile.legalForm) && profile.essCompany) parts[0] += ", entreprise de l'ESS";
  parts.push(
    profile.conventionnements.length === 0
      ? 'aucun conventionnement indiqué'
      : `${conventionnementCodes(profile)}${profile.ensemblier ? ' (ensemblier)' : ''}`,
  );
  if (profile.group) parts.push(`${profile.group.role === 'central' ? 'fonction centrale' : 'membre'} du groupe de certification « ${profile.group.name} »`);
  if (profile.headcount !== null) parts.push(`effectif ${profile.headcount}`);
  return parts.join(' · ');
}

/** The conventionnements with their names, for a report's identity block. */
export function conventionnementNames(profile: Pick<StructureProfile, 'conventionnements'>): string[] {
  return profile.conventionnements.map((c) => CONVENTIONNEMENT_LABELS[c]);
}
