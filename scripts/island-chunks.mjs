/**
 * How the browser build cuts the islands' code into files (a Vite plugin for astro.config.mjs).
 *
 * Left to itself, Rolldown gives a workspace screen some thirty files, many of a few hundred bytes. Each is a
 * request, and the browser learns of the next ones only once it has parsed the previous: four waves, about
 * 140 ms after navigation on the 2-core machine (traced). Here the code the islands share comes in three files:
 * React; `core` (Dexie and the workspace code shared by several islands); `group` (the group console's).
 * What a screen loads later on demand (PDF, charts, spreadsheets) keeps its own chunks.
 *
 * Two rules keep the grouping from changing what runs:
 * - a module that a page's own `<script>` reaches (search page, offline notice) stays out of the groups, so
 *   content pages never download the workspace's code;
 * - `strictExecutionOrder`: a module merged into a group still runs only when something imports it, as it did
 *   unbundled (the workspace island opens the database when it loads; the search page must not).
 */

const REACT = /node_modules[\\/](react|react-dom|scheduler)[\\/]/;
const DEXIE = /node_modules[\\/](dexie|dexie-react-hooks)[\\/]/;
const APP = /[\\/]src[\\/]/;
const GROUP_CONSOLE = /[\\/]src[\\/](domain[\\/]group[\\/]|components[\\/]group[\\/]|storage[\\/]group|domain[\\/]report[\\/]group-)/;
/** Astro's id for a page's or layout's `<script>`, e.g. `src/pages/recherche.astro?astro&type=script&index=0&lang.ts`. */
const PAGE_SCRIPT = /\.astro\?astro&type=script/;

/** @typedef {{ getModuleInfo(id: string): { importers: readonly string[], dynamicImporters: readonly string[] } | null }} ChunkingContext */

/** Whether a page's `<script>` imports the module, directly or through others (walks its importers up). */
function pageScriptReach() {
  /** @type {Map<string, boolean>} */
  const known = new Map();
  /** @param {string} id @param {ChunkingContext} ctx @returns {boolean} */
  return (id, ctx) => {
    if (!known.has(id)) {
      const seen = new Set([id]);
      const queue = [id];
      let reached = false;
      while (queue.length > 0 && !reached) {
        const current = /** @type {string} */ (queue.pop());
        reached = PAGE_SCRIPT.test(current);
        const info = ctx.getModuleInfo(current);
        for (const importer of [...(info?.importers ?? []), ...(info?.dynamicImporters ?? [])]) {
          if (seen.has(importer)) continue;
          seen.add(importer);
          queue.push(importer);
        }
      }
      known.set(id, reached);
    }
    return /** @type {boolean} */ (known.get(id));
  };
}

/** @returns {import('vite').Plugin} */
export function islandChunks() {
  return {
    name: 'cap-progres:island-chunks',
    configEnvironment(environment) {
      if (environment !== 'client') return;
      const reachedFromPageScript = pageScriptReach();
      return {
        build: {
          rolldownOptions: {
            // Required with includeDependenciesRecursively: false; an entry may then export more than it declares.
            preserveEntrySignatures: 'allow-extension',
            output: {
              strictExecutionOrder: true,
              codeSplitting: {
                groups: [
                  { name: 'react', test: REACT, priority: 2 },
                  {
                    name: (id, ctx) => (reachedFromPageScript(id, ctx) ? null : GROUP_CONSOLE.test(id) ? 'group' : 'core'),
                    test: (id) => DEXIE.test(id) || APP.test(id),
                    tags: ['$initial'],
                    minShareCount: 2,
                    // A module's imports are grouped by their own rule, not pulled in with it (a page script's module would be).
                    includeDependenciesRecursively: false,
                    priority: 1,
                  },
                ],
              },
            },
          },
        },
      };
    },
  };
}
