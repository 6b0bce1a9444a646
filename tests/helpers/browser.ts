/**
 * Browser tests: the app in this process, listening on a real port with its built admin panel
 * (tests/helpers/global-setup builds it), driven by Playwright in Debian's Chromium. They run on
 * SQLite, where the demo content is; screenshots go to tests/artifacts/ (not committed).
 */
import fs from 'fs';
import path from 'path';
import type { AddressInfo } from 'net';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { TestApp } from './strapi';

/** Debian's `chromium` package (`apt-get install -y chromium`); CHROMIUM_PATH for another. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** On SQLite only: the browser walks the demo association, as the README's demo shows it. */
export const browserTestsRun = (): boolean => (process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite';

export const ARTIFACTS = path.resolve(__dirname, '..', 'artifacts');

/** Serves the app on a free port of 127.0.0.1; resolves to its base URL. */
export const listen = async (app: TestApp): Promise<string> => {
  const server = app.strapi.server.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

export const launch = async (): Promise<Browser> => {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
};

/**
 * Gives the page's idle callbacks a deadline of one second. The admin's action bars (document and
 * bulk actions) appear from a `requestIdleCallback` without a timeout, and headless Chromium on a
 * loaded machine may never call it while nothing draws a frame: the bulk "Approuver" stayed absent
 * for more than 30 s in CI, with three callbacks waiting, until a screenshot drew one. A person's
 * browser draws frames as they move; here the deadline stands in for them.
 */
export const idleCallbacksWithDeadline = async (page: Page): Promise<void> => {
  // A string: the tests compile without the DOM's types.
  await page.addInitScript(`{
    const request = window.requestIdleCallback.bind(window);
    window.requestIdleCallback = (callback, options) => request(callback, { timeout: 1000, ...options });
  }`);
};

/** Saves the page as `<folder>/<step>.png` under tests/artifacts, for whoever reads the run. */
export const screenshotter = (folder: string) => {
  const dir = path.join(ARTIFACTS, folder);
  fs.mkdirSync(dir, { recursive: true });
  let step = 0;
  return (page: Page, name: string) => page.screenshot({ path: path.join(dir, `${String(++step).padStart(2, '0')}-${name}.png`), fullPage: true });
};
