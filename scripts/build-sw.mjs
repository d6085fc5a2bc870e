#!/usr/bin/env node
// After `astro build`: the service worker that keeps every page, the referential, the fonts and the JavaScript
// chunks on the device, so that after one visit online the whole app works offline (workbox-build's generateSW;
// @vite-pwa/astro does not support Astro 7). It never takes over by itself: a new version waits until the user
// accepts it (src/scripts/offline.ts).
import { generateSW } from 'workbox-build';

const { count, size, warnings } = await generateSW({
  globDirectory: 'dist',
  globPatterns: ['**/*.{html,js,css,json,svg,png,ttf,webmanifest,txt}'],
  // The service worker and its runtime are fetched by the browser itself, never from the cache.
  globIgnores: ['sw.js', 'workbox-*.js'],
  swDest: 'dist/sw.js',
  mode: 'production',
  sourcemap: false,
  // The PDF fonts weigh 0.7 MB each: above workbox's 2 MiB default they would be skipped with a mere warning.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // Astro's build.format 'directory': /espace/campagne/?id=… is /espace/campagne/index.html.
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
  cleanupOutdatedCaches: true,
  clientsClaim: false,
  skipWaiting: false,
});
for (const warning of warnings) console.warn(`service worker : ${warning}`);
console.log(`service worker : ${count} fichiers mis en cache (${(size / 1024 / 1024).toFixed(1)} Mo)`);
