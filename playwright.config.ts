import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// Debian's chromium where it exists (CI, this project's machines); elsewhere Playwright's own browser,
// after `npx playwright install chromium`.
const systemChromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const executablePath = existsSync(systemChromium) ? systemChromium : undefined;
// PORT lets two checkouts test side by side.
const base = `http://127.0.0.1:${process.env.PORT ?? '4321'}/`;

export default defineConfig({
  testDir: './tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: base,
    locale: 'fr-FR',
    serviceWorkers: 'block',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // Tests run against the built site (npm run build comes first in `npm test`), as users get it.
  webServer: {
    command: 'npm run preview',
    url: base,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
