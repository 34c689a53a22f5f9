// The batch review page in a real browser (Debian's chromium, installed by .ci/run): it runs without
// errors under its CSP, filters bundles and matrix rows, and its link opens a bundle's report, whose
// screenshot thumbnail loads from the file written beside it.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { runCli } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const mustRun = process.env.SEGUR_REQUIRE_CHROMIUM === '1';
if (!hasChromium && !mustRun) console.warn(`${CHROMIUM} absent : test navigateur de la page de revue ignoré (installez le paquet Debian chromium, comme le fait .ci/run)`);

describe.skipIf(!hasChromium && !mustRun)('batch index.html in Chromium', () => {
  let root: string;
  let browser: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'segur-index-'));
    const run = runCli(['batch', 'fixtures/batch/depots', '--out', join(root, 'rapports')]);
    expect(run.status, run.stderr).toBe(1);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launchPersistentContext(join(root, 'profile'), {
      executablePath: CHROMIUM,
      viewport: { width: 1280, height: 900 },
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(pathToFileURL(join(root, 'rapports/index.html')).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('shows every bundle with its status, and filters them', async () => {
    expect(await page.locator('tr.bundle th').allTextContents()).toEqual(['editeurA/v1', 'editeurA/v2', 'editeurB/depot-editeurB.zip', 'editeurC', 'editeurD']);
    expect(await page.textContent('[data-count="error"]')).toBe('2');
    await page.selectOption('#filter-status', 'error');
    expect(await page.locator('tr.bundle:visible th').allTextContents()).toEqual(['editeurC', 'editeurD']);
    await page.selectOption('#filter-status', '');
    await page.fill('#filter-text', 'logicielessai');
    expect(await page.locator('tr.bundle:visible th').allTextContents()).toEqual(['editeurA/v2']);
    await page.fill('#filter-text', '');
    expect(await page.textContent('#bundles-shown')).toBe('5 dossier(s) affiché(s) sur 5');
  });

  it('filters the matrix by verdict and by nature', async () => {
    await page.selectOption('#filter-verdict', 'non-conforme');
    expect(await page.locator('tr.requirement:visible th').allTextContents()).toEqual(['INS/va1.02']);
    await page.selectOption('#filter-verdict', '');
    await page.selectOption('#filter-nature', 'PRECONISATION');
    expect(await page.locator('tr.requirement:visible th').allTextContents()).toEqual(['ERGO/va1.05']);
    await page.selectOption('#filter-nature', '');
    expect(await page.textContent('#rows-shown')).toBe('6 exigence(s) affichée(s) sur 6');
    expect(pageErrors).toEqual([]);
  });

  it('follows a link to a bundle report, which names its folder and shows the screenshot thumbnail', async () => {
    await page.click('tr.bundle a:text-is("editeurA/v1")');
    await page.waitForLoadState('load');
    expect(page.url()).toBe(pathToFileURL(join(root, 'rapports/editeurA/v1/report.html')).href);
    expect(await page.locator('dl.facts dd').first().textContent()).toBe('editeurA/v1');
    await page.click('#expand-all');
    const thumbnail = page.locator('a.preview img');
    expect(await thumbnail.count()).toBe(1);
    expect(await thumbnail.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(320);
    expect(await page.locator('dl.doc-facts').first().textContent()).toContain('Patient (INS)28503••••••••79');
    expect(pageErrors).toEqual([]);
  });
});
