import { memo } from 'react';
import type { Quartiles } from '../../../domain/group/statistics';
import { formatScore } from '../../../domain/scoring/score';
import { TableRegion } from '../../TableRegion';

export interface ThemeOutline {
  code: string;
  title: string;
  subThemes: readonly { code: string; title: string }[];
}

/** n, min, quartiles and max of the members' latest scores, per theme with its sub-themes indented below. */
export const Distributions = memo(function Distributions(props: {
  themes: readonly ThemeOutline[];
  global: Quartiles | null;
  byTheme: ReadonlyMap<string, Quartiles>;
  bySubTheme: ReadonlyMap<string, Quartiles>;
}) {
  return (
    <section aria-labelledby="distribution-title">
      <h2 id="distribution-title">Répartition des scores par thème et sous-thème</h2>
      <p>
        Sur la dernière auto-évaluation de chaque membre retenu ; un membre sans score pour une ligne n'y est pas compté. Quartiles calculés comme
        QUARTILE.INCLUS d'un tableur : un quart des membres sous le 1<sup>er</sup> quartile, la moitié sous la médiane, trois quarts sous le
        3<sup>e</sup> quartile.
      </p>
      <TableRegion label="Répartition des scores">
        <table>
          <caption>Répartition des scores par thème et sous-thème (sous-thèmes en retrait sous leur thème)</caption>
          <thead>
            <tr>
              <th scope="col">Thème ou sous-thème</th>
              <th scope="col">Membres (n)</th>
              <th scope="col">Minimum</th>
              <th scope="col">1er quartile</th>
              <th scope="col">Médiane</th>
              <th scope="col">3e quartile</th>
              <th scope="col">Maximum</th>
            </tr>
          </thead>
          <tbody>
            <QuartileRow label="Score global" q={props.global} depth={1} />
            {props.themes.map((t) => (
              <ThemeRows key={t.code} theme={t} byTheme={props.byTheme} bySubTheme={props.bySubTheme} />
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
});

function ThemeRows({ theme, byTheme, bySubTheme }: { theme: ThemeOutline; byTheme: ReadonlyMap<string, Quartiles>; bySubTheme: ReadonlyMap<string, Quartiles> }) {
  return (
    <>
      <QuartileRow label={`${theme.code} ${theme.title}`} q={byTheme.get(theme.code) ?? null} depth={1} />
      {theme.subThemes.map((s) => (
        <QuartileRow key={s.code} label={`${s.code} ${s.title}`} q={bySubTheme.get(s.code) ?? null} depth={3} />
      ))}
    </>
  );
}

function QuartileRow({ label, q, depth }: { label: string; q: Quartiles | null; depth: 1 | 3 }) {
  return (
    <tr className={`row-depth-${depth}`}>
      <th scope="row">{label}</th>
      <td>{q?.n ?? 0}</td>
      <td>{formatScore(q?.min ?? null)}</td>
      <td>{formatScore(q?.q1 ?? null)}</td>
      <td>{formatScore(q?.median ?? null)}</td>
      <td>{formatScore(q?.q3 ?? null)}</td>
      <td>{formatScore(q?.max ?? null)}</td>
    </tr>
  );
}
