import type { Progress } from '../../domain/evaluation/scope';
import type { Theme } from '../../domain/referential/model';

/** Rated / applicable per theme and overall, as text and as a bar. */
export function ThemeProgress({ rows, total }: { rows: { theme: Theme; progress: Progress }[]; total: Progress }) {
  const line = (label: string, p: Progress, key: string) => (
    <li key={key}>
      <span className="progress-label">{label}</span>
      <progress max={Math.max(p.applicable, 1)} value={p.rated} aria-label={`Avancement ${label}`} />
      <span>
        {p.rated} / {p.applicable}
        {p.notApplicable > 0 && ` (${p.notApplicable} N/A)`}
        {p.toReview > 0 && ` · ${p.toReview} à revoir`}
      </span>
    </li>
  );
  return (
    <ul className="progress-list" aria-label="Avancement par thème">
      {rows.map(({ theme, progress }) => line(`${theme.code} ${theme.title}`, progress, theme.code))}
      {line('Ensemble', total, 'total')}
    </ul>
  );
}
