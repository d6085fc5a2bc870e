/** A heading line and the problems under it, in French, as a warning notice. */
export function ProblemLines({ title, lines }: { title: string; lines: readonly string[] }) {
  return (
    <div className="notice notice-warning">
      <p>{title}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
