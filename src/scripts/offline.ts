/**
 * Every page: the service worker that keeps the app on the device (dist/sw.js, written by scripts/build-sw.mjs),
 * the offline notice, and the update prompt. A new version never takes over by itself: the page says so and
 * reloads only when the user accepts — never under someone's typing. Text only through textContent.
 */
import { Workbox } from 'workbox-window';

const OFFLINE_TEXT = 'Hors ligne — vos saisies sont enregistrées sur cet appareil.';

function showConnection(region: HTMLElement) {
  region.hidden = navigator.onLine;
  region.textContent = navigator.onLine ? '' : OFFLINE_TEXT;
}

function showUpdate(region: HTMLElement, accept: () => void) {
  region.replaceChildren();
  const text = document.createElement('span');
  text.textContent = 'Une nouvelle version de CAP Progrès est disponible. Vos saisies sont enregistrées : ';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Mettre à jour maintenant';
  button.addEventListener('click', () => {
    button.disabled = true;
    accept();
  });
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'secondary';
  later.textContent = 'Plus tard';
  later.addEventListener('click', () => {
    region.hidden = true;
  });
  region.append(text, button, ' ', later);
  region.hidden = false;
}

/** A chunk the new version removed, asked for by a page of the old one: say it, instead of a broken screen. */
function showStale(region: HTMLElement) {
  region.replaceChildren();
  const text = document.createElement('span');
  text.textContent = 'Cette page vient d’une version précédente de CAP Progrès et ne peut plus charger une partie de ses écrans. Vos saisies sont enregistrées : ';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = 'Recharger la page';
  button.addEventListener('click', () => location.reload());
  region.append(text, button);
  region.hidden = false;
}

function start() {
  const connection = document.getElementById('connection-status');
  const update = document.getElementById('update-status');
  if (!connection || !update) return;
  showConnection(connection);
  addEventListener('online', () => showConnection(connection));
  addEventListener('offline', () => showConnection(connection));
  // The import still fails (the screen says so); the notice tells why and how to get the new version.
  addEventListener('vite:preloadError', () => {
    showStale(update);
  });
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const wb = new Workbox('/sw.js');
  wb.addEventListener('waiting', () => {
    showUpdate(update, () => {
      // Reload once the new worker controls the page: every file then comes from the new version.
      wb.addEventListener('controlling', () => location.reload());
      wb.messageSkipWaiting();
    });
  });
  // Blocked service workers (tests, some privacy settings) leave the site working online as before.
  wb.register().catch(() => undefined);
  (window as unknown as { __capUpdate?: () => Promise<unknown> }).__capUpdate = () => wb.update();
}

start();
