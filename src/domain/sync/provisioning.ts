/**
 * What the provisioning script sets up on a network's CouchDB, from the network's description: the databases with
 * their `_security` (who may read), the validation documents (who may write), and the users with their roles.
 * Pure: scripts/provision-couchdb.mjs applies the plan over HTTP; tests read it without a server.
 */
import { z } from 'zod';
import { UserFacingError } from '../user-error';
import { centralRole, GROUP_MEMBERS_DOCUMENT, groupDatabase, imposedDatabase, isSyncId, shareDatabase, structureDatabase, structureRole, type GroupDirectory } from './databases';
import { groupShareDocumentId } from './documents';

const userName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._@-]{0,79}$/, 'un identifiant : lettres minuscules, chiffres, « . _ @ - », 80 caractères au plus');
const syncId = z.string().refine(isSyncId, 'un identifiant : lettres minuscules, chiffres, « _ - », 100 caractères au plus');

const networkSchema = z.object({
  /** The app's origins, allowed by CORS (e.g. https://cap.example.org): the scheme and host of the address given. */
  origins: z
    .array(z.url({ protocol: /^https?$/, error: 'une adresse complète, par exemple https://cap.exemple.org' }).transform((address) => new URL(address).origin))
    .default([]),
  groups: z
    .array(z.object({ id: syncId, name: z.string().min(1), central: z.array(userName).min(1, 'au moins une personne pour la fonction centrale') }))
    .default([]),
  structures: z.array(z.object({ id: syncId, name: z.string().min(1), group: syncId.optional(), members: z.array(userName).min(1, 'au moins un membre') })),
  /** Passwords to set; a user without one keeps theirs, or gets a generated one when created. */
  users: z.array(z.object({ name: userName, password: z.string().min(10, '10 caractères au moins').optional() })).default([]),
});
export type NetworkDescription = z.input<typeof networkSchema>;

export interface SecurityObject {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

export interface DatabasePlan {
  name: string;
  /** What it holds, in French, for the script's report. */
  purpose: string;
  security: SecurityObject;
  /** Only these roles (and server admins) may write; absent: every member may. */
  writers?: Writers;
}

export interface Writers {
  roles: string[];
  refusal: string;
  /** Only these documents may be written (server admins aside); absent: any. */
  documents?: { ids: string[]; refusal: string };
}

/** A document the script writes (and rewrites only when it changed), such as a group's directory. */
export interface DocumentPlan {
  database: string;
  id: string;
  content: object;
}

export interface UserPlan {
  name: string;
  roles: string[];
  password?: string;
}

export interface ProvisioningPlan {
  databases: DatabasePlan[];
  documents: DocumentPlan[];
  users: UserPlan[];
  origins: string[];
}

const readers = (...roles: string[]): SecurityObject => ({ admins: { names: [], roles: [] }, members: { names: [], roles } });

/** The plan for a network; a UserFacingError in French listing every problem of the description. */
export function planProvisioning(input: unknown): ProvisioningPlan {
  const parsed = networkSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join(' › ') || 'description'} : ${issue.message}`);
    throw new UserFacingError(`La description du réseau n'est pas valable :\n${lines.join('\n')}`);
  }
  const network = parsed.data;
  const problems: string[] = [];
  const groups = new Map(network.groups.map((g) => [g.id, g]));
  const roles = new Map<string, Set<string>>();
  const grant = (user: string, role: string) => {
    if (!roles.has(user)) roles.set(user, new Set());
    roles.get(user)!.add(role);
  };
  duplicates(network.structures.map((s) => s.id)).forEach((id) => problems.push(`la structure « ${id} » est décrite deux fois`));
  duplicates(network.groups.map((g) => g.id)).forEach((id) => problems.push(`le groupe « ${id} » est décrit deux fois`));

  const databases: DatabasePlan[] = [];
  const directories = new Map<string, GroupDirectory>(network.groups.map((g) => [g.id, { group: { id: g.id, name: g.name }, structures: [] }]));
  for (const group of network.groups) for (const user of group.central) grant(user, centralRole(group.id));
  for (const structure of network.structures) {
    const own = structureRole(structure.id);
    for (const user of structure.members) grant(user, own);
    databases.push({ name: structureDatabase(structure.id), purpose: `données de la structure « ${structure.name} »`, security: readers(own) });
    if (structure.group === undefined) continue;
    const group = groups.get(structure.group);
    if (!group) {
      problems.push(`la structure « ${structure.id} » appartient au groupe « ${structure.group} », qui n'est pas décrit`);
      continue;
    }
    const central = centralRole(group.id);
    directories.get(group.id)!.structures.push({ id: structure.id, name: structure.name });
    databases.push({
      name: shareDatabase(structure.id),
      purpose: `partage de « ${structure.name} » avec le groupe « ${group.name} »`,
      security: readers(own, central),
      writers: {
        roles: [own],
        refusal: `Seule la structure « ${structure.name} » écrit dans son partage ; la fonction centrale le lit.`,
        // One document, named after the structure: a member cannot pass its share off as another's.
        documents: { ids: [groupShareDocumentId(structure.id)], refusal: `Le partage de « ${structure.name} » ne contient que son propre document de partage.` },
      },
    });
    databases.push({
      name: imposedDatabase(structure.id),
      purpose: `actions imposées par le groupe « ${group.name} » à « ${structure.name} »`,
      security: readers(own, central),
      writers: { roles: [central], refusal: `Seule la fonction centrale du groupe « ${group.name} » écrit les actions qu'elle impose ; la structure les lit.` },
    });
  }

  const documents: DocumentPlan[] = [];
  for (const group of network.groups) {
    const name = groupDatabase(group.id);
    databases.push({
      name,
      purpose: `annuaire du groupe « ${group.name} » (les partages que lit sa fonction centrale)`,
      security: readers(centralRole(group.id)),
      writers: { roles: [], refusal: `Seul l'administrateur du serveur écrit l'annuaire du groupe « ${group.name} » (npm run sync:provision).` },
    });
    documents.push({ database: name, id: GROUP_MEMBERS_DOCUMENT, content: directories.get(group.id)! });
  }

  const passwords = new Map(network.users.map((u) => [u.name, u.password]));
  for (const user of network.users) if (!roles.has(user.name)) problems.push(`« ${user.name} » n'est membre d'aucune structure ni d'aucune fonction centrale`);
  if (problems.length > 0) throw new UserFacingError(`La description du réseau n'est pas valable :\n${problems.map((p) => `- ${p}`).join('\n')}`);

  const users = [...roles].sort(([a], [b]) => a.localeCompare(b)).map(([name, granted]) => {
    const password = passwords.get(name);
    return { name, roles: [...granted].sort(), ...(password === undefined ? {} : { password }) };
  });
  return { databases, documents, users, origins: network.origins };
}

/**
 * The validate_doc_update function of a database whose writers are restricted (CouchDB runs it on every write,
 * replication included). ES5: CouchDB's JavaScript engine.
 */
export function validationFunction(writers: Writers): string {
  const documents = writers.documents
    ? `
  if (${JSON.stringify(writers.documents.ids)}.indexOf(newDoc._id) === -1) throw({ forbidden: ${JSON.stringify(writers.documents.refusal)} });`
    : '';
  return `function (newDoc, oldDoc, userCtx) {
  var writers = ${JSON.stringify(writers.roles)};
  if (userCtx.roles.indexOf('_admin') !== -1) return;
  var allowed = false;
  for (var i = 0; i < writers.length; i++) if (userCtx.roles.indexOf(writers[i]) !== -1) allowed = true;
  if (!allowed) throw({ forbidden: ${JSON.stringify(writers.refusal)} });${documents}
}`;
}

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => seen.has(id) || !seen.add(id)))];
}
