/**
 * The current referential's file (/referentiel.json), requested once per page and shared: the workspace pages start
 * it with their own script as soon as they are parsed (ReferentialRequest.astro), and the code that reads it later
 * takes over the same request (this module is one instance per page).
 *
 * Not a <link rel="preload"> there: 120 KB (gzip) fetched beside the stylesheet competed with what the first paint
 * needs, and whenever the file arrived before that paint, Lighthouse's simulation counted it into the largest
 * contentful paint (1.65–1.83 s instead of 0.9–1.2 s on the same pages, measured). Started by the page's script, it
 * arrives after the first paint and still in parallel with the screens' JavaScript. The search page, whose first
 * results need it, keeps the preload and its own fetch (one module fewer before its results).
 */
let request: Promise<unknown> | undefined;

export function requestCurrentReferential(): Promise<unknown> {
  request ??= fetchJson<unknown>('/referentiel.json');
  return request;
}

/** A JSON file of this site; an HTTP error is a rejection. */
export async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as T;
}
