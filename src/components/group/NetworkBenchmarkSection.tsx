import { formatScore, type CampaignScores } from '../../domain/scoring/score';
import { POSITION_LABELS, positionAgainst, WITHHELD_NOTICE } from '../../domain/group/benchmark';
import { frenchDate } from '../../domain/french-date';
import type { HeldBenchmark } from '../../storage/db';
import { TableRegion } from '../TableRegion';

/**
 * The repère réseau beside the structure's own scores: the group's quartiles per theme and sub-theme, only where at
 * least 5 members contributed. It names no member; the central function computed it from their shares.
 */
export function NetworkBenchmarkSection({ held, scores }: { held: HeldBenchmark | null; scores: CampaignScores }) {
  if (!held) return null;
  const b = held.content;
  const entries = new Map([...b.themes, ...b.subThemes].map((e) => [e.code, e]));
  const rows = scores.themes.flatMap((t) => [
    { code: t.theme.code, label: t.theme.title, value: t.score.value, depth: 1 },
    ...t.subThemes.map((s) => ({ code: s.subTheme.code, label: s.subTheme.title, value: s.score.value, depth: 2 })),
  ]);
  return (
    <section aria-labelledby="benchmark-title">
      <h2 id="benchmark-title">Repère réseau : {b.group}</h2>
      <p>
        Calculé le {frenchDate(b.computedAt)} par la fonction centrale à partir des partages de {b.contributors} structure(s), sans nommer aucune
        structure : quartiles des scores (un quart des structures sous le 1<sup>er</sup> quartile, la moitié sous la médiane). Un thème ou un
        sous-thème réunissant moins de 5 structures n'est pas communiqué.
      </p>
      <TableRegion label="Votre score et le repère réseau">
        <table>
          <caption>Votre score et le repère réseau, par thème et sous-thème</caption>
          <thead>
            <tr>
              <th scope="col">Thème ou sous-thème</th>
              <th scope="col">Votre score</th>
              <th scope="col">1er quartile</th>
              <th scope="col">Médiane</th>
              <th scope="col">3e quartile</th>
              <th scope="col">Structures</th>
              <th scope="col">Votre position</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const entry = entries.get(row.code);
              const position = positionAgainst(row.value, entry);
              return (
                <tr key={row.code} className={row.depth === 1 ? 'row-depth-1' : 'row-depth-3'}>
                  <th scope="row">
                    {row.code} {row.label}
                  </th>
                  <td>{formatScore(row.value)}</td>
                  {entry ? (
                    <>
                      <td>{formatScore(entry.q1)}</td>
                      <td>{formatScore(entry.median)}</td>
                      <td>{formatScore(entry.q3)}</td>
                      <td>{entry.n}</td>
                    </>
                  ) : (
                    <td colSpan={4}>{WITHHELD_NOTICE}</td>
                  )}
                  <td>{position ? POSITION_LABELS[position] : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
