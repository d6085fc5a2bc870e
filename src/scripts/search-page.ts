/** The search page: loads /referentiel.json once, then filters as the user types. Text only, no innerHTML. */
import { indexCriterion, searchIndexed, type IndexedCriterion } from '../domain/referential/search';
import type { Criterion } from '../domain/referential/model';
import { pause } from '../lib/pause';

/** Criteria indexed per handful, each in a task of its own: normalizing 500 KB of text at once held the page. */
const PER_TASK = 12;

async function indexByTasks(criteria: readonly Criterion[]): Promise<IndexedCriterion[]> {
  const index: IndexedCriterion[] = [];
  for (let i = 0; i < criteria.length; i += PER_TASK) {
    await pause();
    index.push(...criteria.slice(i, i + PER_TASK).map(indexCriterion));
  }
  return index;
}

export function runSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#q');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const form = input?.form;
  if (!input || !status || !list || !form) return;

  // Fetched and indexed once, as soon as the page opens: later searches need no network at all.
  const index: Promise<IndexedCriterion[]> = fetch('/referentiel.json').then(async (response) => {
    if (!response.ok) throw new Error(String(response.status));
    return indexByTasks(((await response.json()) as { criteria: Criterion[] }).criteria);
  });
  index.catch(() => undefined); // reported when the user searches

  const render = async () => {
    const query = input.value.trim();
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    list.replaceChildren();
    if (!query) {
      status.textContent = '';
      return;
    }
    let hits;
    try {
      hits = searchIndexed(await index, query);
    } catch {
      status.textContent = 'Le référentiel n\'a pas pu être chargé. Rechargez la page pour réessayer.';
      return;
    }
    status.textContent =
      hits.length === 0 ? `Aucun critère ne correspond à « ${query} ».` : `${hits.length} critère${hits.length > 1 ? 's' : ''} pour « ${query} ».`;
    for (const { criterion } of hits) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = `/criteres/${criterion.code}/`;
      link.textContent = `${criterion.code} ${criterion.title}`;
      const description = document.createElement('p');
      description.textContent = criterion.description;
      item.append(link, description);
      list.append(item);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(render, 150);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void render();
  });
  input.value = new URLSearchParams(location.search).get('q') ?? '';
  if (input.value) void render();
}
