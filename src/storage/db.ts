/**
 * The browser database (IndexedDB through Dexie). Each version is kept with its upgrade, so a database
 * written by an older CAP Progrès opens with every record intact.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { Campaign, Evidence, ParticipantView, Rating, Structure } from '../domain/evaluation/model';
import type { Audit, AuditRating, Finding } from '../domain/audit/model';
import type { Dismissal, ProgressAction } from '../domain/plan/model';
import { summarize, type ProgressSummary } from '../domain/evaluation/progress-summary';
import { withProfile, withProfiledStructure, type LegacyStructureType } from '../domain/structure/legacy';
import type { BenchmarkContent } from '../domain/group/feedback-model';
import type { GroupConsole, HeldLevels, NcExtension, PlannedAudit, PoolAuditor, StoredShare } from '../domain/group/console-model';
import type { SampleDraw } from '../domain/group/sampling';
import { refusingNewerLayouts } from './newer-version-guard';

/** An attached file's bytes, stored once per content (SHA-256) however many evidence items point to it. */
export interface StoredFile {
  sha256: string;
  type: string;
  bytes: ArrayBuffer;
}

export interface Setting {
  /** sync:<structure id>, sync-share:<structure id>: a structure's sync choices (storage/sync/settings.ts), as JSON. */
  key: 'lastBackupAt' | 'persistenceAsked' | `sync:${string}` | `sync-share:${string}` | `sync-central:${string}`;
  value: string;
}

/** The repère réseau a member structure last imported from its group. */
export interface HeldBenchmark {
  structureId: string;
  importedAt: string;
  content: BenchmarkContent;
}

/** A sample draw, recorded so the certification body can see it and anyone can re-run it. */
export type RecordedDraw = SampleDraw & { id: string; recordedAt: string };

export const DATABASE_NAME = 'cap-progres';

export type CapDatabase = Dexie & {
  structures: EntityTable<Structure, 'id'>;
  campaigns: EntityTable<Campaign, 'id'>;
  ratings: Table<Rating, [string, string]>;
  evidence: EntityTable<Evidence, 'id'>;
  files: EntityTable<StoredFile, 'sha256'>;
  settings: EntityTable<Setting, 'key'>;
  actions: EntityTable<ProgressAction, 'id'>;
  dismissals: Table<Dismissal, [string, string]>;
  progress: EntityTable<ProgressSummary, 'campaignId'>;
  views: Table<ParticipantView, [string, string, string]>;
  audits: EntityTable<Audit, 'id'>;
  auditRatings: Table<AuditRating, [string, string]>;
  findings: EntityTable<Finding, 'id'>;
  benchmarks: EntityTable<HeldBenchmark, 'structureId'>;
  groupConsole: EntityTable<GroupConsole, 'key'>;
  groupShares: EntityTable<StoredShare, 'structureId'>;
  groupAuditors: EntityTable<PoolAuditor, 'id'>;
  groupAuditPlan: EntityTable<PlannedAudit, 'id'>;
  groupDraws: EntityTable<RecordedDraw, 'id'>;
  groupExtensions: EntityTable<NcExtension, 'id'>;
  groupLevels: EntityTable<HeldLevels, 'structureId'>;
};

/** Version 1: the first layout. Kept so that version 2's upgrade can run on databases created with it. */
export const SCHEMA_V1 = {
  structures: 'id',
  campaigns: 'id, structureId',
  ratings: '[campaignId+criterionCode], campaignId',
  evidence: 'id, campaignId',
  files: 'sha256',
};

/** Version 2: settings (last backup), evidence by criterion, and ratings know whether they were carried over. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  evidence: 'id, campaignId, [campaignId+criterionCode], file.sha256',
  settings: 'key',
};

/** Version 3: the plan de progrès (actions) and the suggestions a team dismissed. */
export const SCHEMA_V3 = {
  ...SCHEMA_V2,
  actions: 'id, campaignId',
  dismissals: '[campaignId+criterionCode], campaignId',
};

/** Version 4: each campaign's progress summary, so the list of campaigns need not read every rating. */
export const SCHEMA_V4 = { ...SCHEMA_V3, progress: 'campaignId' };

/**
 * Version 5: regards croisés. Each participant's own view of a criterion; audits (internal, mock, peer) with
 * their auditor layer of ratings and their findings. Nothing to convert: the new tables start empty.
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  views: '[campaignId+criterionCode+participantId], campaignId',
  audits: 'id, campaignId',
  auditRatings: '[auditId+criterionCode], auditId',
  findings: 'id, auditId',
};

/**
 * Version 6: referential 2026.2 describes a structure by its profile (legal form, conventionnements, group,
 * headcount) instead of « types »; structures and the audited structures of audits are converted (structure/legacy.ts).
 */
export const SCHEMA_V6 = SCHEMA_V5;

/**
 * Version 7: groups. A member keeps the repère réseau its group sent; the group console (/groupe/) keeps its own
 * tables: the group, members' latest shares, the auditor pool and plan, sample draws, non-conformity extensions.
 */
export const SCHEMA_V7 = {
  ...SCHEMA_V6,
  benchmarks: 'structureId',
  groupConsole: 'key',
  groupShares: 'structureId, shareId',
  groupAuditors: 'id, structureId',
  groupAuditPlan: 'id, auditedId',
  groupDraws: 'id',
  groupExtensions: 'id',
  groupLevels: 'structureId',
};

/** The latest version declared below; IndexedDB sees it multiplied by 10 (Dexie's convention). */
export const SCHEMA_VERSION = 7;

export function openDatabase(name: string = DATABASE_NAME): CapDatabase {
  // Relaxed durability: a commit is acknowledged once the browser holds it, not after a disk flush; an
  // OS crash could lose the very last change, and every rating write gets several times faster.
  const factory = typeof indexedDB === 'undefined' ? undefined : indexedDB;
  const db = new Dexie(name, { chromeTransactionDurability: 'relaxed', ...(factory && { indexedDB: refusingNewerLayouts(factory) }) }) as CapDatabase;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade((tx) =>
      tx
        .table<Rating>('ratings')
        .toCollection()
        .modify((rating) => {
          rating.carriedOver ??= false;
          rating.toReview ??= false;
        }),
    );
  db.version(3).stores(SCHEMA_V3);
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const ratings = await tx.table<Rating>('ratings').toArray();
      const campaignIds = await tx.table<Campaign>('campaigns').toCollection().primaryKeys();
      await tx.table<ProgressSummary>('progress').bulkPut(campaignIds.map((id) => summarize(id, ratings.filter((r) => r.campaignId === id))));
    });
  db.version(5).stores(SCHEMA_V5);
  db.version(6)
    .stores(SCHEMA_V6)
    .upgrade(async (tx) => {
      type Legacy = { types?: LegacyStructureType[] };
      await tx
        .table<Structure & Legacy>('structures')
        .toCollection()
        .modify((structure, ref) => {
          if (structure.types) ref.value = withProfile(structure as Structure & { types: LegacyStructureType[] }) as Structure;
        });
      await tx
        .table<Audit>('audits')
        .toCollection()
        .modify((audit) => {
          const subject = audit.subject as (Audit['subject'] & { structure: Legacy }) | null;
          if (subject?.structure.types) audit.subject = withProfiledStructure(subject as typeof subject & { structure: { types: LegacyStructureType[] } });
        });
    });
  db.version(7).stores(SCHEMA_V7);
  return db;
}
