/**
 * The budget « the central function catching up on 600 share databases < 60 s » (issue 14), measured against
 * pouchdb-server (in memory, on this machine) with the central function's local databases in fake-indexeddb (Node):
 * n members of one group, each share database holding a realistic partage groupe (bench-group.mjs's: the current
 * referential, every criterion rated and commented, audits, plan); then
 * - the first catch-up (every share replicated into the inbox, checked and imported into the console),
 * - a second one with nothing changed (what the open console does every minute),
 * - a third after 10 % of the members changed their share,
 * beside the floor, measured first: the same n replications into an empty local database, nothing checked nor imported.
 * Not a vitest test (minutes for 600): run it through Vite's module runner, see benchCentralCatchUp.
 */
import { newMirror, remoteDatabase } from '../support/pouchdb';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/storage/db';
import { loadReferential } from '../../src/loaders/referential';
import { readContextOf } from '../../src/domain/evaluation/sealed-file';
import { newId } from '../../src/domain/evaluation/ids';
import { shareDatabase } from '../../src/domain/sync/databases';
import { groupShareDocumentId } from '../../src/domain/sync/documents';
import type { GroupShareDocument } from '../../src/domain/sync/group-documents';
import type { GroupShareFile } from '../../src/domain/group/share-model';
import { sealGroupShare } from '../../src/domain/group/share-content';
import { planProvisioning, validationFunction } from '../../src/domain/sync/provisioning';
import { saveConsole } from '../../src/storage/group';
import { catchUpShares } from '../../src/storage/sync/central';
import type { Replica } from '../../src/storage/sync/replication';
import { applyPlan, couch } from '../../scripts/provision-couchdb.mjs';
import { writeShareFiles } from '../../scripts/bench-group.mjs';
import { startCouchServer } from '../support/couch-server';

const GROUP_ID = 'bench';
const GROUP_NAME = 'Groupe CAP ISO 9001 Réseau Sud'; // bench-group.mjs's recipient
const CENTRAL = { name: 'centrale', password: 'mot-de-passe-centrale' };
const CONCURRENCY = 6;

export interface CentralCatchUpFigures {
  members: number;
  /** Total size of the share documents on the server. */
  megabytes: number;
  /** First catch-up: replication of every share, then check and import. */
  firstMs: number;
  firstReplicationMs: number;
  /** Nothing changed since the first. */
  unchangedMs: number;
  /** After 10 % of the members shared again. */
  tenthChangedMs: number;
  /** The n replications alone, into an empty local database. */
  floorMs: number;
  imported: number;
  budgetMs: 60_000;
}

export async function benchCentralCatchUp(n = 600, log: (line: string) => void = () => undefined): Promise<CentralCatchUpFigures> {
  const server = await startCouchServer();
  const dir = mkdtempSync(join(tmpdir(), 'cap-bench-central-'));
  try {
    const { paths } = await writeShareFiles(dir);
    const files = (paths as string[]).slice(0, n).map((path) => JSON.parse(readFileSync(path, 'utf8')) as GroupShareFile);
    if (files.length < n) throw new Error(`bench-group.mjs writes ${files.length} shares, fewer than ${n}`);
    const network = {
      groups: [{ id: GROUP_ID, name: GROUP_NAME, central: [CENTRAL.name] }],
      // One member account for all: the bench measures the central function, not 600 sign-ins.
      structures: files.map((f) => ({ id: f.content.structure.id, name: f.content.structure.name, group: GROUP_ID, members: ['membre'] })),
      users: [CENTRAL, { name: 'membre', password: 'mot-de-passe-membre' }],
    };
    log(`provisionnement de ${n} structures…`);
    await applyPlan(server.url, server.admin, planProvisioning(network), validationFunction, () => undefined);
    const admin = couch(server.url, server.admin);
    const put = async (file: GroupShareFile) => {
      const id = groupShareDocumentId(file.content.structure.id);
      const path = `/${shareDatabase(file.content.structure.id)}/${encodeURIComponent(id)}`;
      const current = await admin('GET', path);
      const doc: GroupShareDocument & { _rev?: string } = {
        _id: id,
        kind: 'group-share',
        choice: { campaignIds: file.content.campaigns.map((c) => c.id), detail: file.content.detail, recipient: file.content.recipient, since: file.exportedAt, keeper: 'bench' },
        file,
        ...(current.status === 200 ? { _rev: current.body._rev } : {}),
      };
      const written = await admin('PUT', path, doc);
      if (written.status !== 201) throw new Error(`${path} : ${written.status}`);
      return JSON.stringify(doc).length;
    };
    let bytes = 0;
    for (const file of files) bytes += await put(file);

    const context = readContextOf(loadReferential());
    const centralDb = openDatabase(`bench-central-${Date.now()}`);
    await saveConsole(centralDb, {
      mode: 'certification',
      name: GROUP_NAME,
      centralFunction: 'Structure 001',
      certificationBody: 'AFNOR Certification',
      cycleStart: '2026-01-01',
      currentAudit: 'surveillance1',
      currentAuditDate: '',
      previousAuditDate: '',
      review: { date: '', participants: '', decisions: '' },
    });
    const remote = (database: string) => remoteDatabase(`${server.url}/${database}`, CENTRAL) as Replica;
    const inbox = newMirror('bench-inbox') as Replica;
    const catchUp = async () => {
      const started = performance.now();
      let replicated = 0;
      const summary = await catchUpShares(centralDb, server.url, GROUP_ID, {
        context,
        concurrency: CONCURRENCY,
        remote,
        local: async () => inbox,
        onProgress: (done, total) => {
          if (done === total) replicated = performance.now() - started;
        },
      });
      if (summary.unreachable.length > 0 || summary.refused.length > 0) throw new Error([...summary.unreachable, ...summary.refused].slice(0, 3).join('\n'));
      return { ms: performance.now() - started, replicationMs: replicated, summary };
    };

    log('plancher : les réplications seules…');
    const floorInbox = newMirror('bench-floor') as Replica;
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < files.length) {
          const id = files[next++]!.content.structure.id;
          await floorInbox.replicate.from(remote(shareDatabase(id)), { doc_ids: [groupShareDocumentId(id)], checkpoint: 'target' });
        }
      }),
    );
    const floorMs = performance.now() - started;
    log('première mise à jour…');
    const first = await catchUp();
    log('mise à jour sans changement…');
    const unchanged = await catchUp();
    for (const file of files.filter((_, i) => i % 10 === 0)) {
      const content = { ...file.content, shareId: newId() };
      await put(await sealGroupShare(content, file.referentialVersion, new Date().toISOString()));
    }
    log('mise à jour après 10 % de partages changés…');
    const tenth = await catchUp();

    await centralDb.delete();
    return {
      members: n,
      megabytes: Math.round(bytes / 1e5) / 10,
      firstMs: Math.round(first.ms),
      firstReplicationMs: Math.round(first.replicationMs),
      unchangedMs: Math.round(unchanged.ms),
      tenthChangedMs: Math.round(tenth.ms),
      floorMs: Math.round(floorMs),
      imported: first.summary.updated,
      budgetMs: 60_000,
    };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
