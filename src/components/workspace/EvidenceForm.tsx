import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { evidenceFormSchema, type EvidenceFormValues } from '../../domain/evaluation/forms';
import { EVIDENCE_KIND_LABELS, EVIDENCE_KINDS, MAX_EVIDENCE_FILE_BYTES } from '../../domain/evaluation/model';
import { evidenceFileProblem, formatBytes } from '../../domain/evaluation/rules';
import { addEvidence } from '../../storage/evidence';
import { database } from '../../storage/instance';
import { describedBy, Field } from './Field';
import { track } from './save-status';
import { focusFirstError } from './focus-first-error';

/** Adding one piece of evidence: a document, a record, a link, or a file kept in this browser. */
export default function EvidenceForm({ campaignId, criterionCode, onDone }: { campaignId: string; criterionCode: string; onDone: () => void }) {
  const form = useForm<EvidenceFormValues>({ resolver: zodResolver(evidenceFormSchema), shouldFocusError: false, defaultValues: { title: '', kind: 'document', url: '' } });
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const kind = form.watch('kind');
  const { errors, isSubmitting } = form.formState;
  const id = (name: string) => `evidence-${criterionCode}-${name}`;

  const submit = form.handleSubmit(async (values) => {
    if (values.kind === 'file') {
      const problem = file ? evidenceFileProblem(file) : 'Choisissez le fichier à joindre.';
      if (problem) return setFileError(problem);
    }
    const attached = values.kind === 'file' && file ? { name: file.name, type: file.type, bytes: await file.arrayBuffer() } : null;
    const saved = await track(addEvidence(database(), campaignId, criterionCode, values, attached));
    if (saved) onDone();
  }, focusFirstError);

  return (
    <form className="panel" noValidate onSubmit={submit} aria-label={`Nouvelle preuve pour le critère ${criterionCode}`}>
      <div className="field-row">
        <Field id={id('title')} label="Titre de la preuve" error={errors.title?.message}>
          <input type="text" {...describedBy(id('title'), errors.title?.message)} {...form.register('title')} />
        </Field>
        <Field id={id('kind')} label="Nature">
          <select id={id('kind')} {...form.register('kind')}>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>{EVIDENCE_KIND_LABELS[k]}</option>
            ))}
          </select>
        </Field>
      </div>
      {kind === 'link' && (
        <Field id={id('url')} label="Adresse (https://…)" error={errors.url?.message}>
          <input type="url" {...describedBy(id('url'), errors.url?.message)} {...form.register('url')} />
        </Field>
      )}
      {kind === 'file' && (
        <Field id={id('file')} label="Fichier" hint={`${formatBytes(MAX_EVIDENCE_FILE_BYTES)} au plus ; il reste dans ce navigateur.`} error={fileError ?? undefined}>
          <input
            type="file"
            {...describedBy(id('file'), fileError ?? undefined, true)}
            onChange={(event) => {
              const chosen = event.target.files?.[0] ?? null;
              setFile(chosen);
              setFileError(chosen ? evidenceFileProblem(chosen) : null);
            }}
          />
        </Field>
      )}
      <div className="actions">
        <button type="submit" disabled={isSubmitting}>Ajouter la preuve</button>
        <button type="button" className="secondary" onClick={onDone}>Annuler</button>
      </div>
    </form>
  );
}
