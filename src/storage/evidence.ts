/** Evidence behind a rating; an attached file is hashed before the transaction (WebCrypto cannot run inside one). */
import { sha256Hex } from '../domain/evaluation/canonical';
import type { EvidenceFormValues } from '../domain/evaluation/forms';
import { evidenceFileProblem } from '../domain/evaluation/rules';
import { newId } from '../domain/evaluation/ids';
import type { Evidence } from '../domain/evaluation/model';
import { UserFacingError } from '../domain/user-error';
import type { CapDatabase } from './db';
import { deleteOrphanFiles } from './files';

export interface AttachedFile {
  name: string;
  type: string;
  bytes: ArrayBuffer;
}

export async function addEvidence(
  db: CapDatabase,
  campaignId: string,
  criterionCode: string,
  values: EvidenceFormValues,
  attached: AttachedFile | null,
): Promise<Evidence> {
  if (attached) {
    const problem = evidenceFileProblem({ size: attached.bytes.byteLength });
    if (problem) throw new UserFacingError(problem);
  }
  const sha256 = attached ? await sha256Hex(attached.bytes) : null;
  const evidence: Evidence = {
    id: newId(),
    campaignId,
    criterionCode,
    title: values.title,
    kind: attached ? 'file' : values.kind,
    url: values.kind === 'link' ? values.url : '',
    file: attached && sha256 ? { name: attached.name, type: attached.type, size: attached.bytes.byteLength, sha256 } : null,
    createdAt: new Date().toISOString(),
  };
  await db.transaction('rw', db.evidence, db.files, async () => {
    if (attached && sha256 && !(await db.files.get(sha256))) {
      await db.files.add({ sha256, type: attached.type, bytes: attached.bytes });
    }
    await db.evidence.add(evidence);
  });
  return evidence;
}

export async function removeEvidence(db: CapDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.evidence, db.files, async () => {
    await db.evidence.delete(id);
    await deleteOrphanFiles(db);
  });
}

export async function readEvidenceFile(db: CapDatabase, evidence: Evidence): Promise<Blob | null> {
  if (!evidence.file) return null;
  const stored = await db.files.get(evidence.file.sha256);
  return stored ? new Blob([stored.bytes], { type: stored.type || 'application/octet-stream' }) : null;
}
