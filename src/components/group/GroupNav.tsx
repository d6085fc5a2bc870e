import type { ConsoleMode } from '../../domain/group/console-model';

const TABS = [
  { href: '/groupe/', label: 'Groupe et membres', certificationOnly: false },
  { href: '/groupe/consolidation/', label: 'Vue consolidée', certificationOnly: false },
  { href: '/groupe/audits/', label: "Programme d'audit interne", certificationOnly: true },
  { href: '/groupe/echantillon/', label: 'Échantillon MD 1', certificationOnly: true },
  { href: '/groupe/non-conformites/', label: 'Non-conformités et actions imposées', certificationOnly: false },
  { href: '/groupe/revue/', label: 'Revue de direction', certificationOnly: false },
];

/** The console's tabs; a follow-up console (délégation, accompagnant) has no certification screens. */
export function GroupNav({ current, mode }: { current: string; mode: ConsoleMode }) {
  return (
    <nav className="group-tabs" aria-label="Console de groupe">
      <ul>
        {TABS.filter((t) => mode === 'certification' || !t.certificationOnly).map((t) => (
          <li key={t.href}>
            <a href={t.href} aria-current={t.href === current ? 'page' : undefined}>
              {t.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
