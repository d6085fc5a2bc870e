import { rationaleLines, type SampleDraw } from '../../../domain/group/sampling';

type Block = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/** Lines starting with « – » are list items: consecutive ones form one list. */
function blocks(lines: readonly string[]): Block[] {
  const out: Block[] = [];
  for (const line of lines) {
    if (line.startsWith('– ')) {
      const last = out.at(-1);
      if (last?.kind === 'ul') last.items.push(line.slice(2));
      else out.push({ kind: 'ul', items: [line.slice(2)] });
    } else out.push({ kind: 'p', text: line });
  }
  return out;
}

/** The printable rationale sent to the certification body. */
export function Rationale({ draw, group, certificationBody, onClose }: { draw: SampleDraw; group: string; certificationBody: string; onClose: () => void }) {
  return (
    <section className="panel sampling-rationale" aria-labelledby="rationale-title" data-testid="sampling-rationale">
      <h2 id="rationale-title">Justification de l'échantillon — {group}</h2>
      {certificationBody && <p>Destinataire : {certificationBody}.</p>}
      {blocks(rationaleLines(draw)).map((b, index) =>
        b.kind === 'p' ? (
          <p key={index}>{b.text}</p>
        ) : (
          <ul key={index}>
            {b.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        ),
      )}
      <div className="actions no-print">
        <button type="button" onClick={() => window.print()}>
          Imprimer
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Fermer la justification
        </button>
      </div>
    </section>
  );
}
