import { PARTICIPANT_ROLE_LABELS, type Participant, type ParticipantView } from '../../domain/evaluation/model';
import { compareViews } from '../../domain/perspectives/views';
import type { Criterion, Referential } from '../../domain/referential/model';
import { database } from '../../storage/instance';
import { clearView, saveView } from '../../storage/views';
import { LevelOptions, levelSelectValue, parseLevelSelect, type LevelSelectValue } from './LevelSelect';
import { track } from './save-status';
import { useOptimisticValue } from './use-optimistic-value';

interface Props {
  referential: Referential;
  campaignId: string;
  criterion: Criterion;
  participants: Participant[];
  /** This criterion's views, from current participants only. */
  views: ParticipantView[];
}

/**
 * Each participant's own level, side by side, before the team retains one: the spread between them, and a
 * discussion point when they lie two levels or more apart. Each choice is saved at once.
 */
export function ParticipantViews({ referential, campaignId, criterion, participants, views }: Props) {
  const comparison = compareViews(views);
  return (
    <fieldset className="field participant-views">
      <legend>Avis des participants</legend>
      <p className="hint">
        Chacun peut donner son propre niveau. L'équipe compare les avis, en discute, puis choisit plus bas le niveau retenu.
      </p>
      <div className="field-row">
        {participants.map((participant) => (
          <ViewSelect
            key={participant.id}
            referential={referential}
            campaignId={campaignId}
            criterionCode={criterion.code}
            participant={participant}
            view={views.find((v) => v.participantId === participant.id)}
          />
        ))}
      </div>
      {/* Always present, so that screen readers announce the spread as views change. */}
      <div role="status">
        {comparison.levels.length >= 2 && (
          <p>
            {comparison.spread === 0 ? 'Avis concordants : aucun écart entre les niveaux donnés.' : `Écart entre les avis : ${levelCount(comparison.spread)}.`}
            {comparison.notApplicable > 0 && <span className="muted"> Les avis « non applicable » ne comptent pas dans l'écart.</span>}
          </p>
        )}
        {comparison.divergent && (
          <p className="notice notice-warning">
            <strong>Avis divergents :</strong> écart de {levelCount(comparison.spread)}, point à discuter en équipe avant de retenir un niveau.
          </p>
        )}
      </div>
    </fieldset>
  );
}

/** « 1 niveau », « 3 niveaux » (non-breaking space: the figure stays with its word). */
function levelCount(n: number): string {
  return `${n}\u00a0niveau${n > 1 ? 'x' : ''}`;
}

function ViewSelect(props: { referential: Referential; campaignId: string; criterionCode: string; participant: Participant; view: ParticipantView | undefined }) {
  const { referential, campaignId, criterionCode, participant } = props;
  const [value, showValue, resetValue] = useOptimisticValue<LevelSelectValue>(levelSelectValue(props.view));
  const id = `view-${criterionCode}-${participant.id}`;
  const choose = (next: LevelSelectValue) => {
    showValue(next);
    const db = database();
    const write: Promise<unknown> =
      next === ''
        ? clearView(db, campaignId, criterionCode, participant.id).then(() => true)
        : saveView(db, { campaignId, criterionCode, participantId: participant.id, ...parseLevelSelect(next) });
    // On failure the error is announced and the select goes back to what is really stored.
    void track(write).then((saved) => saved ?? resetValue());
  };
  return (
    <div className="field">
      <label htmlFor={id}>
        Avis de {participant.name} ({PARTICIPANT_ROLE_LABELS[participant.role]})
      </label>
      <select id={id} value={value} onChange={(e) => choose(e.target.value as LevelSelectValue)}>
        <LevelOptions referential={referential} emptyLabel="— pas d'avis —" />
      </select>
    </div>
  );
}
