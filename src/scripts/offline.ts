/**
 * Every page: the service worker that keeps the app on the device (dist/sw.js, written by scripts/build-sw.mjs),
 * the offline notice, and the update prompt. A new version never takes over by itself: the page says so and
 * reloads only when the user accepts — never under someone's typing. Text only through textContent.
 */
import { Workbox } from 'workbox-window';
import { pageSettled } from './page-settled';

const OFFLINE_TEXT = 'Hors ligne — vos saisies sont enregistrées sur cet appareil.';

function showConnection(region: HTMLElement) {
  region.hidden = navigator.onLine;
  region.textContent = navigator.onLine ? '' : OFFLINE_TEXT;
}

/** A button with its French label, its action and, when given, its class. */
function button(label: string, onClick: (button: HTMLButtonElement) => void, className?: string): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  if (className) element.className = className;
  element.addEventListener('click', () => onClick(element));
  return element;
}

/** Shows a sentence followed by its buttons in the page's update region. */
function showNotice(region: HTMLElement, sentence: string, ...buttons: HTMLButtonElement[]) {
  const text = document.createElement('span');
  text.textContent = sentence;
  region.replaceChildren(text, ...buttons.flatMap((b, i) => (i === 0 ? [b] : [' ', b])));
  region.hidden = false;
}

function showUpdate(region: HTMLElement, accept: () => void) {
  showNotice(
    region,
    'Une nouvelle version de CAP Progrès est disponible. Vos saisies sont enregistrées : ',
    button('Mettre à jour maintenant', (self) => {
      self.disabled = true;
      accept();
    }),
    button('Plus tard', () => (region.hidden = true), 'secondary'),
  );
}

/** A chunk the new version removed, asked for by a page of the old one: say it, instead of a broken screen. */
function showStale(region: HTMLElement) {
  showNotice(
    region,
    'Cette page vient d’une version précédente de CAP Progrès et ne peut plus charger une partie de ses écrans. Vos saisies sont enregistrées : ',
    button('Recharger la page', () => location.reload()),
  );
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
  // Registered once the page has drawn its screen: the first install downloads the whole app. Blocked service
  // workers (tests, some privacy settings) leave the site working online as before.
  void pageSettled()
    .then(() => wb.register({ immediate: true }))
    .catch(() => undefined);
  (window as unknown as { __capUpdate?: () => Promise<unknown> }).__capUpdate = () => wb.update();
}

start();
