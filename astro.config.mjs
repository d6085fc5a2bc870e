// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { islandChunks } from './scripts/island-chunks.mjs';
import { connectSources, parseAllowedServers } from './src/domain/sync/servers.ts';

// The network's CouchDB, if this deployment syncs (docs/sync.md): the only other origin the app may reach.
const syncServers = parseAllowedServers(process.env.CAP_SYNC_SERVERS);

export default defineConfig({
  trailingSlash: 'always',
  // Astro 7's default 'jsx' mode glues inline elements across line breaks and loses French spaces (« mot : »).
  compressHTML: true,
  integrations: [react()],
  // Local-first: nothing may be fetched from another origin. Astro adds hashes for its own scripts and styles.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        /** @type {`connect-src ${string}`} */ (["connect-src 'self'", ...connectSources(syncServers)].join(' ')),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "frame-src blob:",
      ],
    },
  },
  // Shiki writes inline styles, which the CSP forbids; the referential has no code blocks anyway.
  markdown: { syntaxHighlight: false },
  devToolbar: { enabled: false },
  vite: { define: { __CAP_SYNC_SERVERS__: JSON.stringify(syncServers) }, plugins: [islandChunks()] },
});
