/** The search page: loads the search index once (built with the site), then filters as the user types. Text only, no innerHTML. */
import { fromSearchIndex, searchIndexed, SEARCH_INDEX_PATH, type SearchIndexEntry } from '../domain/referential/search';

export function runSearchPage(): void {
  const input = document.querySelector<HTMLInputElement>('#q');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const form = input?.form;
  if (!input || !status || !list || !form) return;

  // Fetched once, as soon as the page opens (its preload): later searches need no network at all.
  const index = fetch(SEARCH_INDEX_PATH).then(async (response) => {
    if (!response.ok) throw new Error(String(response.status));
    return fromSearchIndex((await response.json()) as SearchIndexEntry[]);
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
      status.textContent = 'La recherche n\'a pas pu charger les critères. Rechargez la page pour réessayer.';
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
