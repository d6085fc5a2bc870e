import { memo, useEffect, useState } from 'react';
import type { Rating } from '../../domain/evaluation/model';
import type { Criterion, Referential } from '../../domain/referential/model';

/**
 * Themes → sub-themes → criteria, each with its state, as links that keep the keyboard order simple. Memoized, as
 * its links: moving to the next criterion re-renders the two links whose « current » changed, not a hundred.
 */
export const CriterionNav = memo(function CriterionNav(props: {
  referential: Referential;
  criteria: Criterion[];
  ratings: ReadonlyMap<string, Rating>;
  current: string;
  hrefOf: (code: string) => string;
  onSelect: (code: string) => void;
}) {
  const { referential, criteria, ratings, current } = props;
  // Themes stay as the user opened or closed them; the current criterion's theme always opens.
  const currentTheme = criteria.find((c) => c.code === current)?.theme;
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set(currentTheme ? [currentTheme] : []));
  useEffect(() => {
    if (currentTheme) setOpen((themes) => (themes.has(currentTheme) ? themes : new Set([...themes, currentTheme])));
  }, [currentTheme]);
  return (
    <nav className="criterion-nav" aria-label="Critères de la campagne">
      {referential.themes.map((theme) => {
        const inTheme = criteria.filter((c) => c.theme === theme.code);
        if (inTheme.length === 0) return null;
        return (
          <details
            key={theme.code}
            open={open.has(theme.code)}
            onToggle={(event) => {
              const isOpen = event.currentTarget.open;
              setOpen((themes) => {
                // The browser also fires toggle for a theme rendered open: no change, no re-render of the nav.
                if (themes.has(theme.code) === isOpen) return themes;
                const next = new Set(themes);
                if (isOpen) next.add(theme.code);
                else next.delete(theme.code);
                return next;
              });
            }}
          >
            <summary>
              {theme.code} {theme.title}
            </summary>
            {/* A closed theme's links are hidden from everyone: rendered when it opens (a third of them at first). */}
            {open.has(theme.code) && theme.subThemes.map((sub) => {
              const inSub = inTheme.filter((c) => c.subTheme === sub.code);
              if (inSub.length === 0) return null;
              return (
                <div key={sub.code}>
                  <p className="nav-subtheme">
                    {sub.code} {sub.title}
                  </p>
                  <ul>
                    {inSub.map((c) => (
                      <NavLink key={c.code} criterion={c} href={props.hrefOf(c.code)} current={c.code === current} state={stateLabel(ratings.get(c.code))} onSelect={props.onSelect} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </details>
        );
      })}
    </nav>
  );
});

const NavLink = memo(function NavLink({ criterion, href, current, state, onSelect }: { criterion: Criterion; href: string; current: boolean; state: string; onSelect: (code: string) => void }) {
  return (
    <li>
      <a
        href={href}
        aria-current={current ? 'true' : undefined}
        onClick={(event) => {
          event.preventDefault();
          onSelect(criterion.code);
        }}
      >
        <span className="code">{criterion.code}</span> {criterion.title}
        <span className="nav-state"> — {state}</span>
      </a>
    </li>
  );
});

export function stateLabel(rating: Rating | undefined): string {
  const parts: string[] = [];
  if (rating?.notApplicable) parts.push('non applicable');
  else if (rating?.level != null) parts.push(`niveau ${rating.level}`);
  else parts.push('non évalué');
  if (rating?.carriedFrom?.origin === 'new') parts.push('nouveau');
  if (rating?.toReview) parts.push('à revoir');
  return parts.join(', ');
}
