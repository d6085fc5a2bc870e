import { useEffect, useMemo, useState } from 'react';
import { GroupIsland } from './GroupIsland';
import type { GroupData } from '../../storage/group';
import { todayIso } from './use-group';
import type { GroupConsole } from '../../domain/group/console-model';
import { AUDIT_LABELS, CERTIFICATION_AUDITS, drawSample, type CertificationAudit, type SampleDraw } from '../../domain/group/sampling';
import { MAX_SEED, newSeed, parseSeed } from '../../domain/group/seeded-random';
import { compareDraws, sampleInput } from '../../domain/group/member-inputs';
import { centralShare } from '../../domain/group/console-model';
import type { RecordedDraw } from '../../storage/db';
import { database } from '../../storage/instance';
import { recordDraw } from '../../storage/group';
import { describeError } from '../../storage/errors';
import { Field, describedBy } from '../workspace/Field';
import { OutcomeMessage, type Outcome } from '../workspace/OutcomeMessage';
import { SampleSizes } from './sampling/SampleSizes';
import { DrawResult } from './sampling/DrawResult';
import { RecordedDraws, type RerunVerdict } from './sampling/RecordedDraws';
import { Rationale } from './sampling/Rationale';
import { RiskFactorTable } from './sampling/RiskFactorTable';

/** /groupe/echantillon/ — the IAF MD 1 site sample: sizes, a reproducible draw, its record and its rationale. */
export default function SamplingScreen() {
  return <GroupIsland current="/groupe/echantillon/">{(_referential, data) => <Sampling data={data} />}</GroupIsland>;
}

type Data = GroupData & { group: GroupConsole };

function Sampling({ data }: { data: Data }) {
  if (data.group.mode !== 'certification')
    return (
      <p className="notice">
        L'échantillon IAF MD 1 ne concerne qu'un groupe de certification CAP ISO 9001 : cette console suit des structures sans règles de
        certification.
      </p>
    );
  return <SamplingBody data={data} />;
}

const SEED_ERROR = `La graine doit être un nombre entier entre 1 et ${MAX_SEED.toLocaleString('fr-FR')}.`;

function SamplingBody({ data }: { data: Data }) {
  const { group, shares, draws } = data;
  const [auditType, setAuditType] = useState<CertificationAudit>(group.currentAudit);
  const [drawDate, setDrawDate] = useState(todayIso);
  const [seedText, setSeedText] = useState(() => String(newSeed()));
  const [seedError, setSeedError] = useState<string | undefined>();
  const [draw, setDraw] = useState<SampleDraw | null>(null);
  const [recordedId, setRecordedId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [verdicts, setVerdicts] = useState<Record<string, RerunVerdict>>({});
  // A fresh object on each request, so printing the same draw twice opens the dialog twice.
  const [printing, setPrinting] = useState<{ draw: SampleDraw } | null>(null);

  useEffect(() => {
    if (printing) window.print();
  }, [printing]);

  // x and the cohorts at this date: a draw with any seed has the same sizes, only its sites change.
  const preview = useMemo(() => {
    try {
      return { draw: drawSample(sampleInput(group, shares, draws, 1, drawDate, auditType)), error: null };
    } catch (error) {
      return { draw: null, error: describeError(error) };
    }
  }, [group, shares, draws, drawDate, auditType]);

  const central = centralShare(shares, group);

  const run = () => {
    const seed = parseSeed(seedText);
    if (seed === null) {
      setSeedError(SEED_ERROR);
      setOutcome({ kind: 'error', text: SEED_ERROR });
      return;
    }
    setSeedError(undefined);
    try {
      const input = sampleInput(group, shares, draws, seed, drawDate, auditType);
      const start = performance.now();
      const result = drawSample(input);
      performance.measure('cap-progres:group-draw', { start });
      setDraw(result);
      setRecordedId(null);
      setOutcome({ kind: 'ok', text: `Échantillon tiré : ${result.selected.length} site(s) retenu(s), graine ${result.seed}.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  };

  const record = async () => {
    if (!draw) return;
    try {
      const recorded = await recordDraw(database(), draw);
      setRecordedId(recorded.id);
      setOutcome({ kind: 'ok', text: 'Tirage enregistré : il figure dans la liste des tirages enregistrés.' });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  };

  // The recorded draw's own last-audit date, not today's group setting: the cohorts were cut with it.
  const rerun = (recorded: RecordedDraw) => {
    let verdict: RerunVerdict;
    try {
      const again = drawSample(sampleInput({ ...group, previousAuditDate: recorded.previousAuditDate ?? '' }, shares, draws, recorded.seed, recorded.drawDate, recorded.auditType));
      const c = compareDraws(recorded, again);
      verdict = c.identical
        ? { identical: true, text: 'Identique : même graine, mêmes données, même échantillon et mêmes scores.' }
        : c.sameSites
          ? { identical: false, text: "Mêmes sites retenus, mais des scores de risque ou l'éligibilité ont changé : les partages ou le groupe ont été modifiés depuis ce tirage." }
          : {
              identical: false,
              text: [
                'Différent : les données ont changé depuis ce tirage.',
                c.added.length ? `Retenus maintenant : ${c.added.join(', ')}.` : '',
                c.removed.length ? `Plus retenus : ${c.removed.join(', ')}.` : '',
              ]
                .filter(Boolean)
                .join(' '),
            };
    } catch (error) {
      verdict = { identical: false, text: describeError(error) };
    }
    setVerdicts((old) => ({ ...old, [recorded.id]: verdict }));
  };

  const hidden = printing ? 'no-print' : undefined;
  return (
    <>
      {printing && <Rationale draw={printing.draw} group={group.name} certificationBody={group.certificationBody} onClose={() => setPrinting(null)} />}
      <div className={hidden}>
        {!central &&
          (group.centralFunction ? (
            <p className="notice">
              La fonction centrale « {group.centralFunction} » n'a pas envoyé de partage : elle figure dans l'échantillon sous ce nom, auditée à
              chaque audit.
            </p>
          ) : (
            <p className="notice notice-warning">Aucune fonction centrale n'est désignée sur la page Groupe : elle doit l'être, car elle est auditée à chaque audit.</p>
          ))}
        {preview.draw ? (
          <SampleSizes memberCount={preview.draw.memberCount} drawDate={preview.draw.drawDate} auditType={auditType} />
        ) : (
          <p className="notice notice-error" role="alert">
            {preview.error}
          </p>
        )}

        <form
          className="panel"
          aria-labelledby="draw-form-title"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            run();
          }}
        >
          <h2 id="draw-form-title">Tirer l'échantillon</h2>
          <div className="field-row">
            <Field id="draw-audit" label="Audit de certification">
              <select id="draw-audit" value={auditType} onChange={(e) => setAuditType(e.target.value as CertificationAudit)}>
                {CERTIFICATION_AUDITS.map((a) => (
                  <option key={a} value={a}>
                    {AUDIT_LABELS[a]}
                    {a === group.currentAudit ? ' (audit à venir du groupe)' : ''}
                  </option>
                ))}
              </select>
            </Field>
            <Field id="draw-date" label="Date du tirage">
              <input id="draw-date" type="date" value={drawDate} onChange={(e) => setDrawDate(e.target.value)} />
            </Field>
          </div>
          <div className="field-row">
            <Field id="draw-seed" label="Graine du tirage" error={seedError} hint="Un nombre entier : le même tirage refait avec la même graine donne le même échantillon.">
              <input type="text" inputMode="numeric" autoComplete="off" value={seedText} onChange={(e) => setSeedText(e.target.value)} {...describedBy('draw-seed', seedError, true)} />
            </Field>
            <div className="field">
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setSeedText(String(newSeed()));
                  setSeedError(undefined);
                }}
              >
                Nouvelle graine
              </button>
            </div>
          </div>
          <div className="actions">
            <button type="submit">Tirer l'échantillon</button>
          </div>
          <OutcomeMessage outcome={outcome} />
        </form>

        {draw && (
          <>
            <DrawResult draw={draw} />
            <div className="actions">
              <button type="button" onClick={() => void record()} disabled={recordedId !== null}>
                {recordedId ? 'Tirage enregistré' : 'Enregistrer ce tirage'}
              </button>
              <button type="button" className="secondary" onClick={() => setPrinting({ draw })}>
                Imprimer la justification
              </button>
            </div>
          </>
        )}

        <RecordedDraws draws={draws} verdicts={verdicts} onRerun={rerun} onPrint={(d) => setPrinting({ draw: d })} />

        <section aria-labelledby="risk-title">
          <h2 id="risk-title">Score de risque</h2>
          <p>
            Après la part tirée au hasard (au moins 25 % de l'échantillon de chaque cohorte), les autres sites sont choisis par score de risque
            décroissant. Le détail de la méthode est sur la page <a href="/methode/#echantillon-md1">Méthode</a>.
          </p>
          <RiskFactorTable />
        </section>
      </div>
    </>
  );
}
