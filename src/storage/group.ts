/** The group console's tables: the group, members' shares, and what the central function decides. */
import type { CapDatabase, RecordedDraw } from './db';
import { heldShare, storedShare, type GroupConsole, type HeldShare, type NcExtension, type PlannedAudit, type PoolAuditor } from '../domain/group/console-model';
import { sameGroupName, type GroupShareFile } from '../domain/group/share-model';
import type { SampleDraw } from '../domain/group/sampling';
import { newId } from '../domain/evaluation/ids';
import { UserFacingError } from '../domain/user-error';
import type { ConsoleContent } from '../domain/group/console-file';

const now = () => new Date().toISOString();

/** Every member's latest share, as the console's screens read it. */
export async function readShares(db: CapDatabase): Promise<HeldShare[]> {
  return (await db.groupShares.toArray()).map(heldShare);
}

/** Everything the console's screens read. Criterion levels stay apart (HeldLevels). */
export interface GroupData {
  /** Null until the group is described. */
  group: GroupConsole | null;
  shares: HeldShare[];
  auditors: PoolAuditor[];
  plan: PlannedAudit[];
  draws: RecordedDraw[];
  extensions: NcExtension[];
}

/** The console's data in one transaction, its six reads side by side rather than each waiting for the one before. */
export function readGroupData(db: CapDatabase): Promise<GroupData> {
  return db.transaction('r', [db.groupConsole, db.groupShares, db.groupAuditors, db.groupAuditPlan, db.groupDraws, db.groupExtensions], async () => {
    const [group, shares, auditors, plan, draws, extensions] = await Promise.all([
      db.groupConsole.get('console'),
      readShares(db),
      db.groupAuditors.toArray(),
      db.groupAuditPlan.toArray(),
      db.groupDraws.toArray(),
      db.groupExtensions.toArray(),
    ]);
    return { group: group ?? null, shares, auditors, plan, draws: draws.sort((a, b) => b.recordedAt.localeCompare(a.recordedAt)), extensions };
  });
}

export type ConsoleValues = Omit<GroupConsole, 'key' | 'createdAt' | 'updatedAt'>;

export async function saveConsole(db: CapDatabase, values: ConsoleValues): Promise<GroupConsole> {
  const existing = await db.groupConsole.get('console');
  const at = now();
  const record: GroupConsole = { ...values, key: 'console', createdAt: existing?.createdAt ?? at, updatedAt: at };
  await db.groupConsole.put(record);
  return record;
}

/** One chosen file, once read: its checked content, or why it was refused. */
export type ReadShareFile = { fileName: string } & ({ ok: true; file: GroupShareFile } | { ok: false; message: string });

export type ShareImportStatus = 'new' | 'updated' | 'stale' | 'refused';
export interface ShareImportItem {
  fileName: string;
  status: ShareImportStatus;
  /** What the preview says of the file, in French. */
  message: string;
  memberName: string;
  exportedAt: string;
  file: GroupShareFile | null;
}

export const SHARE_STATUS_LABELS: Record<ShareImportStatus, string> = {
  new: 'Nouveau membre',
  updated: 'Mise à jour',
  stale: 'Plus ancien que celui détenu : ignoré',
  refused: 'Refusé',
};

/**
 * What importing these files would do, member by member, before anything is written: a new member, an update, a
 * file older than the one held (ignored), or a refusal — unreadable, tampered with, addressed to another group, or
 * the same share twice.
 */
export async function previewShareImport(db: CapDatabase, reads: readonly ReadShareFile[]): Promise<ShareImportItem[]> {
  const group = await db.groupConsole.get('console');
  if (!group) throw new UserFacingError("Décrivez d'abord le groupe (son nom, tel que les membres l'indiquent dans leur partage).");
  const held = new Map((await db.groupShares.toArray()).map((h) => [h.structureId, h]));
  const heldShareIds = new Set([...held.values()].map((h) => h.shareId));
  // Among several files of one member in this batch, only the newest can apply.
  const newestInBatch = new Map<string, string>();
  for (const r of reads) if (r.ok) {
    const id = r.file.content.structure.id;
    if ((newestInBatch.get(id) ?? '') < r.file.exportedAt) newestInBatch.set(id, r.file.exportedAt);
  }
  const seen = new Set<string>();
  return reads.map((r): ShareImportItem => {
    if (!r.ok) return { fileName: r.fileName, status: 'refused', message: r.message, memberName: '', exportedAt: '', file: null };
    const { content, exportedAt } = r.file;
    const base = { fileName: r.fileName, memberName: content.structure.name, exportedAt, file: r.file };
    const refuse = (message: string): ShareImportItem => ({ ...base, status: 'refused', message, file: null });
    if (!sameGroupName(content.recipient, group.name)) return refuse(`Ce partage est adressé à « ${content.recipient} », pas à « ${group.name} ». Rien n'a été importé de ce fichier.`);
    if (group.mode === 'certification' && content.structure.group === null) {
      return refuse(`« ${content.structure.name} » ne se déclare pas membre d'un groupe de certification : son profil doit indiquer le groupe et la date de sa convention d'adhésion. Rien n'a été importé de ce fichier.`);
    }
    if (seen.has(content.shareId)) return refuse('Ce fichier est en double dans votre sélection (même partage).');
    seen.add(content.shareId);
    if (heldShareIds.has(content.shareId)) return refuse('Ce partage a déjà été importé : rien à changer.');
    const previous = held.get(content.structure.id);
    if ((previous && previous.exportedAt >= exportedAt) || newestInBatch.get(content.structure.id) !== exportedAt) {
      return { ...base, status: 'stale', message: `Exporté le ${exportedAt.slice(0, 10)}, plus ancien que le partage détenu ou choisi en même temps : il est ignoré.`, file: null };
    }
    return previous
      ? { ...base, status: 'updated', message: `Remplace le partage du ${previous.exportedAt.slice(0, 10)}.` }
      : { ...base, status: 'new', message: 'Nouveau membre dans la console.' };
  });
}

/** The new and updated members, written in one transaction; campaigns the new share no longer carries stay for the trend. */
export async function applyShareImport(db: CapDatabase, items: readonly ShareImportItem[]): Promise<number> {
  const accepted = items.filter((i) => (i.status === 'new' || i.status === 'updated') && i.file);
  const at = now();
  await db.transaction('rw', [db.groupShares, db.groupLevels], async () => {
    const previous = await db.groupShares.bulkGet(accepted.map((i) => i.file!.content.structure.id));
    await db.groupShares.bulkPut(
      accepted.map((item, index) => {
        const file = item.file!;
        const stored = previous[index];
        const before = stored && heldShare(stored);
        const carried = new Set(file.content.campaigns.map((c) => c.id));
        const earlier = before ? [...before.earlierCampaigns, ...before.content.campaigns].filter((c) => !carried.has(c.id)) : [];
        return storedShare({
          structureId: file.content.structure.id,
          shareId: file.content.shareId,
          sha256: file.integrity.value,
          exportedAt: file.exportedAt,
          importedAt: at,
          fileName: item.fileName,
          content: { ...file.content, campaigns: file.content.campaigns.map((c) => ({ ...c, levels: null })) },
          earlierCampaigns: [...new Map(earlier.map((c) => [c.id, c])).values()],
        });
      }),
    );
    await db.groupLevels.bulkPut(
      accepted.map((item) => ({
        structureId: item.file!.content.structure.id,
        campaigns: item.file!.content.campaigns.flatMap((c) => (c.levels ? [{ campaignId: c.id, levels: c.levels }] : [])),
      })),
    );
  });
  return accepted.length;
}

export async function removeMember(db: CapDatabase, structureId: string): Promise<void> {
  await db.transaction('rw', [db.groupShares, db.groupLevels, db.groupAuditPlan, db.groupAuditors], async () => {
    await db.groupShares.delete(structureId);
    await db.groupLevels.delete(structureId);
    await db.groupAuditPlan.where('auditedId').equals(structureId).delete();
    await db.groupAuditors.where('structureId').equals(structureId).delete();
  });
}

export async function addAuditor(db: CapDatabase, values: Omit<PoolAuditor, 'id'>): Promise<PoolAuditor> {
  if (values.name.trim() === '') throw new UserFacingError("Indiquez le nom de l'auditeur.");
  const auditor = { id: newId(), ...values, name: values.name.trim() };
  await db.groupAuditors.add(auditor);
  return auditor;
}

export async function removeAuditor(db: CapDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.groupAuditors, db.groupAuditPlan], async () => {
    await db.groupAuditors.delete(id);
    await db.groupAuditPlan.toCollection().modify((p) => {
      p.auditorIds = p.auditorIds.filter((a) => a !== id);
    });
  });
}

export async function addPlannedAudit(db: CapDatabase, values: Omit<PlannedAudit, 'id'>): Promise<PlannedAudit> {
  const planned = { id: newId(), ...values };
  await db.groupAuditPlan.add(planned);
  return planned;
}

export const removePlannedAudit = (db: CapDatabase, id: string) => db.groupAuditPlan.delete(id);

export async function recordDraw(db: CapDatabase, draw: SampleDraw): Promise<RecordedDraw> {
  const recorded: RecordedDraw = { ...draw, id: newId(), recordedAt: now() };
  await db.groupDraws.add(recorded);
  return recorded;
}

export const removeDraw = (db: CapDatabase, id: string) => db.groupDraws.delete(id);

export async function saveExtension(db: CapDatabase, extension: Omit<NcExtension, 'createdAt' | 'updatedAt'>): Promise<NcExtension> {
  const existing = await db.groupExtensions.get(extension.id);
  const at = now();
  const record: NcExtension = { ...extension, createdAt: existing?.createdAt ?? at, updatedAt: at };
  await db.groupExtensions.put(record);
  return record;
}

export const removeExtension = (db: CapDatabase, id: string) => db.groupExtensions.delete(id);

export async function markImposedSent(db: CapDatabase, extensionId: string, structureId: string, sentAt: string): Promise<void> {
  await db.groupExtensions
    .where('id')
    .equals(extensionId)
    .modify((e) => {
      e.imposed = e.imposed.map((i) => (i.structureId === structureId ? { ...i, sentAt } : i));
    });
}

/** The whole console as its backup holds it. */
export async function collectConsole(db: CapDatabase): Promise<ConsoleContent> {
  const tables = [db.groupConsole, db.groupShares, db.groupLevels, db.groupAuditors, db.groupAuditPlan, db.groupDraws, db.groupExtensions];
  return db.transaction('r', tables, async () => {
    const group = await db.groupConsole.get('console');
    if (!group) throw new UserFacingError("La console est vide : décrivez d'abord le groupe.");
    return {
      console: group,
      members: await readShares(db),
      levels: await db.groupLevels.toArray(),
      auditors: await db.groupAuditors.toArray(),
      plan: await db.groupAuditPlan.toArray(),
      draws: await db.groupDraws.toArray(),
      extensions: await db.groupExtensions.toArray(),
    };
  });
}

/** Replaces the whole console by the backup's, in one transaction: all of it, or nothing. */
export async function restoreConsole(db: CapDatabase, content: ConsoleContent): Promise<void> {
  const tables = [db.groupConsole, db.groupShares, db.groupLevels, db.groupAuditors, db.groupAuditPlan, db.groupDraws, db.groupExtensions];
  await db.transaction('rw', tables, async () => {
    for (const table of tables) await table.clear();
    await db.groupConsole.put(content.console);
    await db.groupShares.bulkPut(content.members.map(storedShare));
    await db.groupLevels.bulkPut(content.levels);
    await db.groupAuditors.bulkPut(content.auditors);
    await db.groupAuditPlan.bulkPut(content.plan);
    await db.groupDraws.bulkPut(content.draws);
    await db.groupExtensions.bulkPut(content.extensions);
  });
}
