/**
 * A member structure's side of the group through the network's server. Its partage groupe travels as one document
 * of its mirror (beside its records, so the team's other devices see that sharing is on, and with which choice),
 * rebuilt after each sync pass by the device that switched it on, and copied by a filtered replication, alone, into
 * the structure's share database that the central function reads. The actions the central function imposes come back from the structure's imposed-actions database into
 * its plan de progrès, each once. Revoking stops the copy; what the central function already received stays with it.
 */
import type { CapDatabase } from '../db';
import type { Referential } from '../../domain/referential/model';
import type { ReadContext } from '../../domain/evaluation/sealed-file';
import type { ShareDetail, GroupShareFile } from '../../domain/group/share-model';
import { imposedDatabase, shareDatabase } from '../../domain/sync/databases';
import { groupShareDocumentId } from '../../domain/sync/documents';
import { isImposedDocument, sameChoice, sameShareContent, type GroupShareDocument, type ImposedActionsDocument, type ShareChoice } from '../../domain/sync/group-documents';
import { UserFacingError } from '../../domain/user-error';
import { newId } from '../../domain/evaluation/ids';
import { readGroupFeedback } from '../../domain/group/feedback-files';
import { buildGroupShare, importImposedActions } from '../group-member';
import { describeError } from '../errors';
import type { Mirror, MirrorDocument } from './mirror';
import { openLocal, readLocal, sessionRemote, statusOf, writeLocal, type RemoteOf, type Replica, type ReplicationHandle } from './replication';
import { readStructureSync } from './settings';
import { readShareChoice, removeShareChoice, saveShareChoice } from './group-settings';
import { serverErrorMessage } from './session';

export const REVOKED_MESSAGE =
  'Partage par le serveur arrêté : plus rien ne part vers la fonction centrale. Ce qu’elle a déjà reçu reste chez elle (dans sa console et sur le serveur du réseau).';
export const SHARED_MESSAGE =
  'Partage par le serveur enregistré : il part vers la fonction centrale dès la prochaine synchronisation de cet appareil, puis se met à jour à chacune, avec ces mêmes choix.';

interface ShareInput {
  structureId: string;
  campaignIds: readonly string[];
  detail: ShareDetail;
  recipient: string;
  referentialOf: (version: string) => Promise<Referential>;
  currentVersion: string;
}

type HeldShareDocument = { state: 'live'; doc: GroupShareDocument & { _rev: string; _conflicts?: string[] } } | { state: 'deleted' | 'missing' };

async function readShareDocument(mirror: Mirror, structureId: string): Promise<HeldShareDocument> {
  try {
    const doc = (await mirror.get(groupShareDocumentId(structureId), { conflicts: true })) as unknown as GroupShareDocument & { _rev: string; _conflicts?: string[] };
    return { state: 'live', doc };
  } catch (error) {
    if (statusOf(error) !== 404) throw error;
    // A tombstone: the share was revoked, here or on another of the team's devices.
    return { state: (error as { reason?: string }).reason === 'deleted' ? 'deleted' : 'missing' };
  }
}

/** Writes the share document when what it says changed; each device's rebuild of the same share writes nothing. */
async function writeShareDocument(mirror: Mirror, structureId: string, choice: ShareChoice, file: GroupShareFile, held: HeldShareDocument): Promise<boolean> {
  const live = held.state === 'live' ? held.doc : null;
  // Two devices may have rewritten it at once: the losing versions say nothing the winner does not.
  if (live?._conflicts?.length) await mirror.bulkDocs(live._conflicts.map((rev) => ({ _id: live._id, _rev: rev, _deleted: true })));
  if (live && sameShareContent(live.file, file) && sameChoice(live.choice, choice)) return false;
  const doc: GroupShareDocument = { _id: groupShareDocumentId(structureId), kind: 'group-share', choice, file };
  await mirror.put(live ? { ...doc, _rev: live._rev } : doc);
  return true;
}

async function buildShare(db: CapDatabase, input: ShareInput): Promise<GroupShareFile> {
  const file = await buildGroupShare(db, input);
  if (file.content.campaigns.length === 0) {
    throw new UserFacingError('Les campagnes choisies pour le partage par le serveur n’existent plus : choisissez-en d’autres dans « Partage avec le groupe ».');
  }
  return file;
}

/** One change at a time per structure in this page: a revocation never crosses a rebuild that would bring the share back. */
const queues = new Map<string, Promise<unknown>>();
function serialised<T>(structureId: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(structureId) ?? Promise.resolve()).then(task, task);
  queues.set(structureId, run.catch(() => undefined));
  return run;
}

/** The flows running in this page: sharing starts at once, and a revocation stops their copy at once. */
const flows = new Set<{ db: CapDatabase; structureId: string; stopSharing(): void; refresh(): Promise<void> }>();
const flowsOf = (db: CapDatabase, structureId: string) => [...flows].filter((flow) => flow.db === db && flow.structureId === structureId);

/**
 * Shares through the server with the screen's choices (the same as the file's), this device keeping the share up to
 * date: the choice and the share document are written now; the copy to the share database starts at once when the
 * structure syncs in this page, else at its next synchronisation pass. Returns what to tell.
 */
export async function shareThroughServer(db: CapDatabase, mirror: Mirror, input: ShareInput): Promise<string> {
  const message = await serialised(input.structureId, async () => {
    if (!(await readStructureSync(db, input.structureId))) {
      throw new UserFacingError('La synchronisation de cette structure n’est pas activée : activez-la d’abord dans Mon espace, puis partagez par le serveur.');
    }
    const file = await buildShare(db, input);
    const previous = await readShareChoice(db, input.structureId);
    const choice: ShareChoice = {
      campaignIds: [...input.campaignIds],
      detail: input.detail,
      recipient: input.recipient.trim(),
      since: previous?.choice.since ?? new Date().toISOString(),
      // This device keeps the share from now on (it may take it over from another of the team's devices).
      keeper: previous?.keptHere ? previous.choice.keeper : newId(),
    };
    await writeShareDocument(mirror, input.structureId, choice, file, await readShareDocument(mirror, input.structureId));
    await saveShareChoice(db, input.structureId, { choice, keptHere: true });
    return SHARED_MESSAGE;
  });
  // The structure syncing in this page: its copy starts now rather than at its next pass.
  for (const flow of flowsOf(db, input.structureId)) void flow.refresh();
  return message;
}

/**
 * Stops sharing through the server: the copy stops, the share document is deleted from the structure's own
 * database (the team's other devices stop too) but not from the share database, whose copy the central function
 * may already hold. Returns what to tell.
 */
export function revokeGroupShare(db: CapDatabase, mirror: Mirror, structureId: string): Promise<string> {
  return serialised(structureId, async () => {
    for (const flow of flowsOf(db, structureId)) flow.stopSharing();
    await removeShareChoice(db, structureId);
    const held = await readShareDocument(mirror, structureId);
    if (held.state === 'live') {
      const { _id, _rev, _conflicts = [] } = held.doc;
      await mirror.bulkDocs([_rev, ..._conflicts].map((rev) => ({ _id, _rev: rev, _deleted: true })));
    }
    return REVOKED_MESSAGE;
  });
}

export interface GroupShareFlowOptions {
  db: CapDatabase;
  /** The structure's mirror, as the sync controller holds it. */
  mirror: Mirror;
  server: string;
  structureId: string;
  referentialOf: (version: string) => Promise<Referential>;
  currentVersion: string;
  /** The referential versions the imposed actions are checked against (loaded when some arrive). */
  readContext: () => Promise<ReadContext>;
  /** A problem to show, in French; called at every refresh where it holds. */
  onProblem: (message: string) => void;
  /** Imposed actions entered the plan, in French. */
  onImposed?: (message: string) => void;
  /** The server's databases; the session's by default (the tests reach them with Basic authentication). */
  remote?: RemoteOf;
  /** This browser's PouchDB databases; pouchdb-browser by default. */
  local?: (name: string) => Promise<Replica>;
  /** How often the imposed actions are fetched at most (passes follow each burst of edits): a minute by default. */
  imposedEveryMs?: number;
}

export interface GroupShareFlow {
  /** After each synchronisation pass: the share brought up to date, its copy started or stopped, imposed actions received. */
  refresh(): Promise<void>;
  stop(): void;
}

/** Filtered replication: the share document only, and never its deletion (copies already made stay where they are). */
const shareFilter = (id: string) => (doc: MirrorDocument) => doc._id === id && !doc._deleted;

export function startGroupShareFlow(options: GroupShareFlowOptions): GroupShareFlow {
  const { db, mirror, server, structureId, onProblem } = options;
  const remote = options.remote ?? sessionRemote(server);
  const local = options.local ?? openLocal;
  let copy: ReplicationHandle | null = null;
  let stopped = false;
  let imposedInbox: Promise<Replica> | null = null;

  const stopSharing = () => {
    copy?.cancel();
    copy = null;
  };

  async function startSharing() {
    if (copy || stopped) return;
    const target = (await remote(shareDatabase(structureId))) as Replica;
    if (copy || stopped) return;
    const replication = (mirror as Replica).replicate.to(target, { live: true, retry: true, filter: shareFilter(groupShareDocumentId(structureId)) });
    copy = replication;
    replication
      .on('denied', (error) => onProblem(`Le serveur refuse le partage : ${(error as { reason?: string } | undefined)?.reason ?? 'accès refusé'}.`))
      .on('paused', (error) => {
        if (error) onProblem(shareProblem(error, server));
      })
      .on('error', (error) => {
        // Given up: the next refresh starts it again.
        if (copy === replication) copy = null;
        onProblem(shareProblem(error, server));
      });
  }

  /**
   * The share as the team left it: sharing switched on, changed or revoked on another device is followed here; the
   * device that keeps it rebuilds it from its records. Returns the choice while sharing is on.
   */
  async function refreshShare(): Promise<ShareChoice | null> {
    return serialised(structureId, async () => {
      const held = await readShareDocument(mirror, structureId);
      let setting = await readShareChoice(db, structureId);
      if (held.state === 'live' && !(setting && sameChoice(setting.choice, held.doc.choice))) {
        const keptHere = !!setting?.keptHere && setting.choice.keeper === held.doc.choice.keeper;
        setting = { choice: held.doc.choice, keptHere };
        await saveShareChoice(db, structureId, setting);
      } else if (held.state === 'deleted' && setting) {
        setting = null;
        await removeShareChoice(db, structureId);
      }
      if (!setting) return null;
      // The device that keeps it rebuilds it (and writes it again when this device's mirror started afresh).
      if (setting.keptHere) {
        try {
          const file = await buildShare(db, { structureId, ...setting.choice, referentialOf: options.referentialOf, currentVersion: options.currentVersion });
          await writeShareDocument(mirror, structureId, setting.choice, file, held);
        } catch (error) {
          onProblem(describeError(error));
        }
      }
      return setting.choice;
    });
  }

  const inbox = () => (imposedInbox ??= local(`cap-sync-imposed-${structureId}`));

  async function receiveImposed() {
    const held = await inbox();
    try {
      // Checkpoints on this device only: the structure only reads this database.
      await held.replicate.from(await remote(imposedDatabase(structureId)), { checkpoint: 'target' });
    } catch (error) {
      onProblem(imposedProblem(error, server));
    }
    const imported = await readLocal(held, 'cap-imported', { revs: {} as Record<string, string> });
    const rows = (await held.allDocs({ include_docs: true })).rows.filter((row) => isImposedDocument(row.id) && row.doc && imported.revs[row.id] !== row.value.rev);
    let changed = false;
    for (const row of rows) {
      if ((await importImposedDocument(row.doc as unknown as ImposedActionsDocument)) === 'later') continue;
      imported.revs[row.id] = row.value.rev;
      changed = true;
    }
    if (changed) await writeLocal(held, 'cap-imported', imported);
  }

  /** 'later' when it may enter the plan at a later pass (no campaign yet); 'done' once imported, or refused for good. */
  async function importImposedDocument(doc: ImposedActionsDocument): Promise<'done' | 'later'> {
    const read = await readGroupFeedback(JSON.stringify(doc.file), await options.readContext());
    if (!read.ok || read.kind !== 'imposed') {
      onProblem(`Des actions imposées reçues par le serveur sont refusées : ${read.ok ? 'ce n’est pas un envoi d’actions imposées.' : read.message}`);
      return 'done';
    }
    const { content } = read.file;
    if (content.structure.id !== structureId) {
      onProblem(`Des actions imposées reçues par le serveur sont adressées à « ${content.structure.name} », pas à cette structure : elles sont ignorées.`);
      return 'done';
    }
    if ((await db.campaigns.where('structureId').equals(structureId).count()) === 0) {
      onProblem(`Des actions imposées par « ${content.group} » sont arrivées : elles entreront au plan de progrès dès qu’une campagne sera ouverte.`);
      return 'later';
    }
    try {
      const added = await importImposedActions(db, read.file);
      const campaign = added[0] && (await db.campaigns.get(added[0].campaignId));
      if (campaign) options.onImposed?.(`${added.length} action(s) imposée(s) par « ${content.group} » ajoutée(s) au plan de progrès de « ${campaign.name} ».`);
      return 'done';
    } catch (error) {
      onProblem(describeError(error));
      return 'later';
    }
  }

  let imposedAt = -Infinity;
  async function once() {
    const choice = await refreshShare();
    if (stopped) return;
    if (choice) await startSharing().catch((error: unknown) => onProblem(shareProblem(error, server)));
    else stopSharing();
    // A structure outside any group has no imposed actions (nor their database on the server).
    const structure = await db.structures.get(structureId);
    if (!(choice || structure?.group) || Date.now() - imposedAt < (options.imposedEveryMs ?? 60_000)) return;
    imposedAt = Date.now();
    await receiveImposed().catch((error: unknown) => onProblem(describeError(error)));
  }

  // Passes come in bursts: a refresh asked while one runs makes one more after it, not one each.
  let running: Promise<void> | null = null;
  let again = false;
  const refresh = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once().catch((error: unknown) => onProblem(describeError(error)));
      } while (again && !stopped);
    })().finally(() => (running = null));
    return running;
  };
  const handle = { db, structureId, stopSharing, refresh };
  flows.add(handle);
  return {
    refresh,
    stop() {
      stopped = true;
      stopSharing();
      flows.delete(handle);
    },
  };
}

/**
 * The flow as the structure's sync calls it after each pass (startStructureSync's afterPass): started with the
 * mirror of the first pass, and never holding the pass up (a slow server would delay the records' sync).
 */
export function groupShareAfterPass(options: Omit<GroupShareFlowOptions, 'mirror'>): { afterPass(mirror: Mirror): Promise<void>; stop(): void } {
  let flow: GroupShareFlow | null = null;
  let stopped = false;
  return {
    afterPass(mirror) {
      if (stopped) return Promise.resolve();
      flow ??= startGroupShareFlow({ ...options, mirror });
      void flow.refresh();
      return Promise.resolve();
    },
    stop() {
      stopped = true;
      flow?.stop();
    },
  };
}

function shareProblem(error: unknown, server: string): string {
  const status = statusOf(error);
  if (status === 403) return 'Le serveur refuse le partage de cette structure : son compte n’y a pas accès. Vérifiez auprès de votre réseau.';
  if (status === 404) return 'Le serveur n’a pas de base de partage pour cette structure : demandez à votre réseau de la rattacher à son groupe sur le serveur.';
  return serverErrorMessage(error, server);
}

function imposedProblem(error: unknown, server: string): string {
  const status = statusOf(error);
  if (status === 403) return 'Le serveur refuse l’accès aux actions imposées de cette structure. Vérifiez auprès de votre réseau.';
  if (status === 404) return 'Le serveur n’a pas de base d’actions imposées pour cette structure : demandez à votre réseau de la rattacher à son groupe sur le serveur.';
  return serverErrorMessage(error, server);
}
