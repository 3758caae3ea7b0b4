/**
 * Browser plumbing for the web app's acceptance tests: Debian's Chromium driven by playwright-core
 * (never a downloaded browser), a fresh web/dist when its sources changed, and screenshots under the
 * git-ignored test-results/screenshots/. A missing Chromium fails the run with the fix, never a skip.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOT_DIR = path.join(root, 'test-results', 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}: the web app's browser tests need Debian's Chromium. ` +
        'Install it with `apt-get update && apt-get install -y chromium` (.ci/run does), or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Chromium refuses to start its sandbox as root (CI and these machines run as root).
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}

/**
 * Rebuilds web/dist when any source is newer than the build (npm test has just built it: no-op then).
 * Test files run in parallel workers: a lock directory keeps two of them from emptying web/dist under
 * each other's gateway.
 */
export async function ensureWebBuild(): Promise<void> {
  const lock = path.join(root, 'web', '.build-lock');
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A lock older than any build is left over from a killed run.
      if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another test run holds ${lock}; remove it if no test is running`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (webSourcesNewerThanBuild()) buildWeb();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function webSourcesNewerThanBuild(): boolean {
  const dist = path.join(root, 'web', 'dist', 'index.html');
  const builtAt = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  const newest = Math.max(newestMtime(path.join(root, 'web', 'src')), statSync(path.join(root, 'web', 'index.html')).mtimeMs, statSync(path.join(root, 'web', 'vite.config.ts')).mtimeMs);
  return newest > builtAt;
}

function buildWeb(): void {
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building the web app failed:\n${result.stdout}\n${result.stderr}`);
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Every request the page makes must stay on the machine (the gateway, the simulator's consent page):
 * no fonts, CDNs or analytics. Returns the offending URLs seen so far.
 */
export function watchExternalRequests(page: Page): string[] {
  const external: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) external.push(request.url());
  });
  return external;
}

/** Uncaught exceptions and console errors of the page (a closed WebSocket, a failed render...). */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  page.on('console', (message) => {
    // The simulator's consent page (another origin) has no icon; Chromium asks for one anyway.
    if (message.type() !== 'error' || message.location().url.endsWith('/favicon.ico')) return;
    errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  return errors;
}
