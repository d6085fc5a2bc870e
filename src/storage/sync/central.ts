/**
 * The central function's side of the group through the network's server. It reads its members' share databases,
 * each into one local inbox (one-shot replications whose checkpoints make the next catch-up fetch only what
 * changed), then imports the shares that changed exactly as the console imports files: checked, previewed (new,
 * updated, older, refused) and applied together. It writes the actions it imposes into each member's
 * imposed-actions database. Its rights come from the server: read-only on shares, write-only on imposed actions.
 */
import type { CapDatabase } from '../db';
import type { ReadContext } from '../../domain/evaluation/sealed-file';
import type { ImposedActionsFile } from '../../domain/group/feedback-model';
import { GROUP_MEMBERS_DOCUMENT, groupDatabase, imposedDatabase, shareDatabase, type GroupDirectory } from '../../domain/sync/databases';
import { groupShareDocumentId } from '../../domain/sync/documents';
import { imposedDocumentId, shareDocumentStructure, type GroupShareDocument, type ImposedActionsDocument } from '../../domain/sync/group-documents';
import { UserFacingError } from '../../domain/user-error';
import { readGroupShare } from '../../domain/group/share-file';
import { applyShareImport, previewShareImport, type ReadShareFile } from '../group';
import { openLocal, readLocal, sessionRemote, statusOf, writeLocal, type RemoteOf, type Replica } from './replication';
import { serverErrorMessage } from './session';

export interface CatchUpSummary {
  /** Members listed in the group's directory on the server. */
  members: number;
  /** Members whose share the server has given (this catch-up or an earlier one). */
  shared: number;
  /** Share documents that arrived or changed since the last catch-up. */
  received: number;
  /** Members new or updated in the console. */
  updated: number;
  /** Shares not applied (refused, or older than the one held), each in French with the member's name, until it shares again. */
  refused: string[];
  /** Members whose share database could not be read, each in French. */
  unreachable: string[];
  /** The session expired on the way: sign in again (what arrived before is imported). */
  expired: boolean;
}

export interface CatchUpOptions {
  /** The referential versions the shares are checked against. */
  context: ReadContext;
  /** Share databases read at once. */
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  remote?: RemoteOf;
  local?: (name: string) => Promise<Replica>;
}

/** The session ended (expired, or signed out elsewhere): sign in again. */
export class SessionExpiredError extends UserFacingError {}

/** The local database gathering a group's shares (one document per member, named after it). */
export const inboxName = (groupId: string) => `cap-central-inbox-${groupId}`;

/** The members whose shares the central function reads, from the group's directory on the server. */
export async function readDirectory(remote: RemoteOf, server: string, groupId: string): Promise<GroupDirectory> {
  try {
    return (await (await remote(groupDatabase(groupId))).get(GROUP_MEMBERS_DOCUMENT)) as unknown as GroupDirectory;
  } catch (error) {
    const status = statusOf(error);
    if (status === 401) throw new SessionExpiredError(serverErrorMessage(error, server));
    if (status === 403) throw new UserFacingError(`Ce compte n’est pas la fonction centrale du groupe « ${groupId} » sur le serveur du réseau.`);
    if (status === 404) {
      throw new UserFacingError(`Le serveur n’a pas d’annuaire du groupe « ${groupId} » : demandez à l’administrateur du serveur de relancer le provisionnement (npm run sync:provision).`);
    }
    throw new UserFacingError(serverErrorMessage(error, server));
  }
}

/** Brings the console up to date with every member's share on the server. */
export async function catchUpShares(db: CapDatabase, server: string, groupId: string, options: CatchUpOptions): Promise<CatchUpSummary> {
  const remote = options.remote ?? sessionRemote(server);
  const directory = await readDirectory(remote, server, groupId);
  const inbox = await (options.local ?? openLocal)(inboxName(groupId));
  const names = new Map(directory.structures.map((s) => [s.id, s.name]));
  const unreachable: string[] = [];
  const refusedOrExpired: { id: string; name: string; error: unknown }[] = [];
  let done = 0;

  await eachAtMost(options.concurrency ?? 6, directory.structures, async (member) => {
    try {
      // Only the document named after this member: a share database cannot slip another member's share in.
      await inbox.replicate.from(await remote(shareDatabase(member.id)), { doc_ids: [groupShareDocumentId(member.id)], checkpoint: 'target' });
    } catch (error) {
      if (statusOf(error) === 401) refusedOrExpired.push({ ...member, error });
      else unreachable.push(unreachableLine(member.name, member.id, error, server));
    }
    options.onProgress?.(++done, directory.structures.length);
  });

  // 401: the session expired, or (pouchdb-server, some proxies) this account is refused this database; the
  // directory, read with the same session, tells which.
  const expired = refusedOrExpired.length > 0 && !(await readDirectory(remote, server, groupId).then(() => true, () => false));
  if (!expired) for (const member of refusedOrExpired) unreachable.push(unreachableLine(member.name, member.id, { status: 403 }, server));

  const imported = await importInbox(db, inbox, names, options.context);
  unreachable.sort((a, b) => a.localeCompare(b, 'fr'));
  const prefix = groupShareDocumentId('');
  const shared = (await inbox.allDocs({ startkey: prefix, endkey: `${prefix}\uffff` })).rows.length;
  return { members: directory.structures.length, shared, ...imported, unreachable, expired };
}

/**
 * The shares the inbox received since the last import, through the console's own import. A share not applied stays
 * told (kept beside where the import stopped) until its member shares again.
 */
async function importInbox(db: CapDatabase, inbox: Replica, names: ReadonlyMap<string, string>, context: ReadContext) {
  const mark = await readLocal(inbox, 'cap-imported', { seq: 0 as number | string, refused: {} as Record<string, string> });
  const changes = await inbox.changes({ since: mark.seq, include_docs: true });
  const held = new Set((await db.groupShares.toArray()).map((share) => share.shareId));
  const refused = { ...mark.refused };
  const reads: (ReadShareFile & { source: string })[] = [];
  let received = 0;
  for (const change of changes.results) {
    const source = shareDocumentStructure(change.id);
    if (change.deleted || !change.doc || source === null) continue;
    received++;
    delete refused[source];
    const name = names.get(source) ?? source;
    const read = await readGroupShare(JSON.stringify((change.doc as unknown as GroupShareDocument).file ?? null), context);
    if (!read.ok) refused[source] = `« ${name} » : ${read.message}`;
    else if (read.file.content.structure.id !== source) refused[source] = `« ${name} » : ce partage se présente comme celui d’une autre structure (« ${read.file.content.structure.name} ») ; il est ignoré.`;
    // Already in the console (a catch-up interrupted before it noted where it stopped): nothing to say.
    else if (!held.has(read.file.content.shareId)) reads.push({ fileName: `serveur du réseau : ${name}`, source, ...read });
  }
  const items = await previewShareImport(db, reads);
  const updated = await applyShareImport(db, items);
  items.forEach((item, i) => {
    if (item.status === 'refused' || item.status === 'stale') refused[reads[i]!.source] = `« ${item.memberName || item.fileName} » : ${item.message}`;
  });
  await writeLocal(inbox, 'cap-imported', { ...mark, seq: changes.last_seq, refused });
  return { received, updated, refused: Object.values(refused).sort((a, b) => a.localeCompare(b, 'fr')) };
}

function unreachableLine(name: string, id: string, error: unknown, server: string): string {
  const status = statusOf(error);
  if (status === 403) return `« ${name} » : le serveur refuse la lecture de son partage (${shareDatabase(id)}) à ce compte. Vérifiez le provisionnement du serveur.`;
  if (status === 404) return `« ${name} » : son partage (${shareDatabase(id)}) n’existe pas sur le serveur. Demandez à l’administrateur du serveur de relancer le provisionnement.`;
  return `« ${name} » : ${serverErrorMessage(error, server)}`;
}

/** Runs `task` over `items`, at most `limit` at a time. */
async function eachAtMost<T>(limit: number, items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/**
 * Sends an extension's imposed actions to one member through the server: the document of that analysis in the
 * member's imposed-actions database, replaced when sent again (the member imports each action once).
 */
export async function sendImposedActions(input: { server: string; structureId: string; structureName: string; extensionId: string; file: ImposedActionsFile; remote?: RemoteOf }): Promise<void> {
  const remote = input.remote ?? sessionRemote(input.server);
  const id = imposedDocumentId(input.extensionId);
  try {
    const target = await remote(imposedDatabase(input.structureId));
    // Absent (first sending) or its database missing: the put says which.
    const rev = await target.get(id).then(
      (doc) => doc._rev,
      (error: unknown) => {
        if (statusOf(error) === 404) return undefined;
        throw error;
      },
    );
    const doc: ImposedActionsDocument = { _id: id, kind: 'imposed-actions', file: input.file };
    await target.put(rev ? { ...doc, _rev: rev } : doc);
  } catch (error) {
    const status = statusOf(error);
    if (status === 401) throw new SessionExpiredError('Session terminée sur le serveur du réseau : reconnectez-vous depuis l’accueil de la console, puis envoyez à nouveau.');
    if (status === 403) throw new UserFacingError(`Le serveur refuse l’envoi à « ${input.structureName} » : ce compte n’est pas la fonction centrale de son groupe sur le serveur.`);
    if (status === 404) {
      throw new UserFacingError(`« ${input.structureName} » n’a pas de base d’actions imposées sur le serveur : elle n’y est pas rattachée au groupe. Envoyez-lui le fichier, ou demandez à l’administrateur du serveur de la rattacher.`);
    }
    throw new UserFacingError(serverErrorMessage(error, input.server));
  }
}
