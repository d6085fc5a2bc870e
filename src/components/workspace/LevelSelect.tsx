import type { Level } from '../../domain/referential/constants';
import { LEVELS } from '../../domain/referential/constants';
import type { Referential } from '../../domain/referential/model';

/** A level as a <select> holds it: '' (none), '0' … '4', or 'na'. */
export type LevelSelectValue = '' | 'na' | `${Level}`;

export function levelSelectValue(entry: { level: Level | null; notApplicable: boolean } | undefined): LevelSelectValue {
  if (!entry) return '';
  if (entry.notApplicable) return 'na';
  return entry.level === null ? '' : `${entry.level}`;
}

export function parseLevelSelect(value: LevelSelectValue): { level: Level | null; notApplicable: boolean } {
  return value === 'na' ? { level: null, notApplicable: true } : { level: value === '' ? null : (Number(value) as Level), notApplicable: false };
}

/** The options of a level select (participants' views, auditors' levels): none, each level of the scale, N/A. */
export function LevelOptions({ referential, emptyLabel }: { referential: Referential; emptyLabel: string }) {
  return (
    <>
      <option value="">{emptyLabel}</option>
      {LEVELS.map((level) => (
        <option key={level} value={level}>
          {level} – {referential.scale.levels[level]?.label}
        </option>
      ))}
      <option value="na">Non applicable</option>
    </>
  );
}
