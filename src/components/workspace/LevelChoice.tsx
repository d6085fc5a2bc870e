import type { Rating } from '../../domain/evaluation/model';
import { LEVELS, type Level } from '../../domain/referential/constants';
import type { Criterion, Referential } from '../../domain/referential/model';

export type Choice = Level | 'na' | null;

/**
 * The rating control: a radio group named after the criterion, one option per level with the criterion's own
 * descriptor, and « non applicable ». Native radios: arrow keys move between options.
 */
export function LevelChoice(props: {
  referential: Referential;
  criterion: Criterion;
  choice: Choice;
  onChoose: (choice: Choice) => void;
  /** With participants' views above, the team's choice is the level retained. */
  retained?: boolean;
}) {
  const { referential, criterion, choice } = props;
  const name = `level-${criterion.code}`;
  const labelId = `${name}-label`;
  return (
    <div role="radiogroup" aria-labelledby={labelId} className="level-choice">
      <p id={labelId} className="group-label">
        {props.retained ? "Niveau retenu par l'équipe" : 'Niveau atteint'} pour le critère {criterion.code}
      </p>
      {LEVELS.map((level) => (
        <label key={level} className="level-option">
          <input type="radio" name={name} value={level} checked={choice === level} onChange={() => props.onChoose(level)} />
          <span>
            <strong>
              {level} – {referential.scale.levels[level]?.label}
            </strong>
            <span className="descriptor">{criterion.levels[level]}</span>
          </span>
        </label>
      ))}
      <label className="level-option">
        <input type="radio" name={name} value="na" checked={choice === 'na'} onChange={() => props.onChoose('na')} />
        <span>
          <strong>N/A – {referential.scale.notApplicable.label}</strong>
          <span className="descriptor">Le critère ne concerne pas la structure (justification obligatoire).</span>
        </span>
      </label>
    </div>
  );
}

export function choiceOf(rating: Rating | undefined): Choice {
  if (rating?.notApplicable) return 'na';
  return rating?.level ?? null;
}
