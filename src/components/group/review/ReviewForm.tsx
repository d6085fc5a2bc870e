import { useState } from 'react';
import type { GroupConsole } from '../../../domain/group/console-model';
import { frenchDate } from '../../../domain/french-date';
import { database } from '../../../storage/instance';
import { saveConsole } from '../../../storage/group';
import { describeError } from '../../../storage/errors';
import { Field, describedBy } from '../../workspace/Field';
import { OutcomeMessage, type Outcome } from '../../workspace/OutcomeMessage';

type Review = GroupConsole['review'];

/** Why the review cannot be saved, field by field, in French. */
function problemsOf(review: Review): { date?: string } {
  if (review.date === '') return { date: 'Indiquez la date de la revue de direction.' };
  return {};
}

/** The record of the group management review: its day, who took part, the decisions and actions (ISO 9001 § 9.3.3). */
export function ReviewForm({ group, today }: { group: GroupConsole; today: string }) {
  const [review, setReview] = useState<Review>(() => ({ ...group.review, date: group.review.date || today }));
  const [errors, setErrors] = useState<{ date?: string }>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const saved = group.review;
  // An unsaved date is today's, in the form as in the PDF: only a real change counts as unsaved.
  const dirty = review.date !== (saved.date || today) || review.participants !== saved.participants || review.decisions !== saved.decisions;
  const set = (key: keyof Review, value: string) => setReview((old) => ({ ...old, [key]: value }));

  const submit = async () => {
    const problems = problemsOf(review);
    setErrors(problems);
    if (problems.date) {
      setOutcome({ kind: 'error', text: problems.date });
      return;
    }
    try {
      const clean = { date: review.date, participants: review.participants.trim(), decisions: review.decisions.trim() };
      await saveConsole(database(), { ...group, review: clean });
      setReview(clean);
      setOutcome({ kind: 'ok', text: `Revue de direction du ${frenchDate(clean.date)} enregistrée.` });
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(error) });
    }
  };

  return (
    <form
      className="panel"
      aria-labelledby="review-form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2 id="review-form-title">La revue de direction</h2>
      <p className="hint">
        {saved.date ? `Revue enregistrée : ${frenchDate(saved.date)}.` : "Aucune revue enregistrée pour l'instant."} Les éléments d'entrée (ISO 9001 § 9.3.2) sont
        consolidés par la console ; les décisions et actions (§ 9.3.3) sont les vôtres.
      </p>
      <div className="field-row">
        <Field id="review-date" label="Date de la revue" error={errors.date}>
          <input type="date" value={review.date} required onChange={(e) => set('date', e.target.value)} {...describedBy('review-date', errors.date)} />
        </Field>
        <Field id="review-participants" label="Participants (noms et fonctions)">
          <input type="text" maxLength={500} value={review.participants} onChange={(e) => set('participants', e.target.value)} {...describedBy('review-participants', undefined)} />
        </Field>
      </div>
      <Field
        id="review-decisions"
        label="Décisions et actions"
        hint="Opportunités d'amélioration, besoins de changement du système de management, besoins en ressources : ce texte figure tel quel dans le PDF."
      >
        <textarea rows={8} maxLength={20_000} value={review.decisions} onChange={(e) => set('decisions', e.target.value)} {...describedBy('review-decisions', undefined, true)} />
      </Field>
      <div className="actions">
        <button type="submit">Enregistrer</button>
        {dirty && <span className="muted">Modifications non enregistrées : le PDF reprend la revue enregistrée.</span>}
      </div>
      <OutcomeMessage outcome={outcome} />
    </form>
  );
}
