import { memo, useState } from 'react';
import { COMMENT_MAX, JUSTIFICATION_MAX, justificationProblem, RETAINED_REASON_MAX } from '../../domain/evaluation/rules';
import type { Campaign, Evidence, ParticipantView, Rating } from '../../domain/evaluation/model';
import { levelName } from '../../domain/referential/lookup';
import type { Criterion, Referential } from '../../domain/referential/model';
import { saveRating, type RatingChange } from '../../storage/ratings';
import { database } from '../../storage/instance';
import { AutosaveTextarea } from './AutosaveTextarea';
import { CarriedFromNotice } from './CarriedFromNotice';
import { CriterionForStructure } from './CriterionForStructure';
import type { StructureProfile } from '../../domain/structure/profile';
import { EvidencePanel } from './EvidencePanel';
import { choiceOf, LevelChoice, type Choice } from './LevelChoice';
import { ParticipantViews } from './ParticipantViews';
import { track } from './save-status';
import { useOptimisticValue } from './use-optimistic-value';

// A click on a level re-renders the level choice while the rating's write is in flight; these do not change with
// it, and rendering them then would delay that write's round trips.
const ForStructure = memo(CriterionForStructure);
const Views = memo(ParticipantViews);
const EvidenceList = memo(EvidencePanel);

interface Props {
  referential: Referential;
  campaignId: string;
  criterion: Criterion;
  rating: Rating | undefined;
  previous: Rating | undefined;
  evidence: Evidence[];
  /** Its participants' views of this criterion. */
  views: ParticipantView[];
  campaign: Campaign;
  /** What the criterion says for this kind of structure (notesFor), and whether a conditional duty binds it. */
  profile: StructureProfile;
}

/**
 * Rating one criterion: participants' views (if the campaign has participants), the level or N/A the team
 * retains and why, comment, « à revoir », evidence. Each change is saved at once. Keyed by criterion.
 */
export function CriterionRating({ referential, campaignId, criterion, rating, previous, evidence, views, campaign, profile }: Props) {
  const participants = campaign.participants;
  const write = (change: RatingChange) => saveRating(database(), campaignId, criterion.code, change);
  const key = (field: 'choice' | 'comment' | 'retainedReason') => `rating:${campaignId}:${criterion.code}:${field}`;
  // A control whose write fails goes back to what is stored: nothing is left to redo. A text stays on screen, so
  // its failed write is kept to be redone (« Réessayer ») until a newer write of the same field succeeds.
  const save = (change: RatingChange, field?: 'choice') => track(write(change), field && key(field));
  const saveText = (change: RatingChange, field: 'choice' | 'comment' | 'retainedReason') => track(() => write(change), key(field));
  const stored = choiceOf(rating);
  // N/A is only stored with its justification; until then the choice lives here.
  const [pendingNa, setPendingNa] = useState(false);
  const [naError, setNaError] = useState<string | null>(null);
  const [naSaving, setNaSaving] = useState(false);

  const [shownChoice, showChoice, resetChoice] = useOptimisticValue<Choice>(stored);
  const [toReview, showToReview, resetToReview] = useOptimisticValue(rating?.toReview ?? false);

  const choice: Choice = pendingNa ? 'na' : shownChoice;
  const choose = (next: Choice) => {
    if (next === 'na') {
      setPendingNa(!rating?.notApplicable);
      return;
    }
    setPendingNa(false);
    setNaError(null);
    showChoice(next);
    // On failure the error is announced and the control goes back to what is really stored.
    void save({ level: next, notApplicable: null, carriedOver: false }, 'choice').then((saved) => saved ?? resetChoice());
  };
  const commitJustification = async (text: string) => {
    const problem = justificationProblem(text);
    setNaError(problem);
    if (problem) return undefined;
    setNaSaving(true);
    const saved = await saveText({ level: null, notApplicable: { justification: text.trim() }, carriedOver: false }, 'choice');
    setNaSaving(false);
    // Until it is stored, « non applicable » stays chosen here, and its justification on screen.
    if (saved) setPendingNa(false);
    return saved;
  };
  const scaleLabel = (level: number | null | undefined) => (level == null ? '' : levelName(referential, level));
  const naId = `na-${criterion.code}`;
  const commentId = `comment-${criterion.code}`;
  const reasonId = `reason-${criterion.code}`;
  // Shown once someone gave a view, and kept visible while a reason is stored, so that it can be seen and erased.
  const showReason = views.length > 0 || !!rating?.retainedReason;

  return (
    <article className="criterion-rating" aria-labelledby={`title-${criterion.code}`}>
      <h2 id={`title-${criterion.code}`} tabIndex={-1}>
        <span className="code">{criterion.code}</span> {criterion.title}
      </h2>
      <p>{criterion.description}</p>
      <ForStructure referential={referential} criterion={criterion} profile={profile} />
      <details>
        <summary>Questions guides et preuves attendues</summary>
        <ul>{criterion.guidingQuestions.map((q) => <li key={q}>{q}</li>)}</ul>
        <p><strong>Preuves attendues :</strong> {criterion.expectedEvidence.join(' ; ')}.</p>
        {criterion.regulatoryBasis && <p><strong>Base réglementaire :</strong> {criterion.regulatoryBasis}</p>}
        {referential.scale.ratingRules.length > 0 && (
          <>
            <p><strong>Comment noter :</strong></p>
            <ul>{referential.scale.ratingRules.map((rule) => <li key={rule}>{rule}</li>)}</ul>
          </>
        )}
        <p>
          <a href={`/criteres/${criterion.code}/`} target="_blank" rel="noopener">Fiche complète du critère {criterion.code}</a>
        </p>
      </details>

      {rating?.carriedFrom && (
        <CarriedFromNotice referential={referential} carried={rating.carriedFrom}>
          {rating.carriedOver && <button type="button" onClick={() => void save({ carriedOver: false, toReview: false })}>Confirmer la réponse</button>}
        </CarriedFromNotice>
      )}
      {rating?.carriedOver && !rating.carriedFrom && (
        <div className="notice notice-warning">
          <p>
            Réponse reprise de la campagne précédente ({previous?.notApplicable ? 'non applicable' : scaleLabel(previous?.level) || 'non évalué'}).
            Confirmez-la ou modifiez-la.
          </p>
          <button type="button" onClick={() => void save({ carriedOver: false, toReview: false })}>Confirmer la réponse</button>
        </div>
      )}
      {!rating?.carriedOver && !rating?.carriedFrom && previous && (
        <p className="muted">Campagne précédente : {previous.notApplicable ? 'non applicable' : scaleLabel(previous.level) || 'non évalué'}.</p>
      )}

      {participants.length > 0 && (
        <Views referential={referential} campaignId={campaignId} criterion={criterion} participants={participants} views={views} />
      )}

      <LevelChoice referential={referential} criterion={criterion} choice={choice} onChoose={choose} retained={participants.length > 0} />

      {choice === 'na' && (
        <div className="field">
          <label htmlFor={naId}>Pourquoi ce critère ne s'applique-t-il pas ? (obligatoire)</label>
          <AutosaveTextarea
            id={naId}
            rows={2}
            value={rating?.notApplicable?.justification ?? ''}
            onCommit={commitJustification}
            maxLength={JUSTIFICATION_MAX}
            describedBy={naError ? `${naId}-error` : undefined}
            invalid={!!naError}
          />
          {naError && <p className="field-error" id={`${naId}-error`}>{naError}</p>}
          {pendingNa && !naError && !naSaving && <p className="hint">« Non applicable » sera enregistré avec sa justification.</p>}
        </div>
      )}

      {showReason && (
        <div className="field">
          <label htmlFor={reasonId}>Raison du niveau retenu</label>
          <p className="hint" id={`${reasonId}-hint`}>En quelques mots : ce qui a décidé l'équipe, surtout quand les avis divergent.</p>
          <AutosaveTextarea id={reasonId} rows={2} maxLength={RETAINED_REASON_MAX} value={rating?.retainedReason ?? ''} describedBy={`${reasonId}-hint`} onCommit={(retainedReason) => saveText({ retainedReason }, 'retainedReason')} />
        </div>
      )}

      <div className="field">
        <label htmlFor={commentId}>Commentaire (constats, exemples, points à discuter)</label>
        <AutosaveTextarea id={commentId} maxLength={COMMENT_MAX} value={rating?.comment ?? ''} onCommit={(comment) => saveText({ comment }, 'comment')} />
      </div>

      <label className="checkbox">
        <input
          type="checkbox"
          checked={toReview}
          onChange={(e) => {
            showToReview(e.target.checked);
            void save({ toReview: e.target.checked }).then((saved) => saved ?? resetToReview());
          }}
        />
        <span>À revoir</span>
      </label>

      <EvidenceList campaignId={campaignId} criterionCode={criterion.code} evidence={evidence} />
    </article>
  );
}
