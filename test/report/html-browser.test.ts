// Drives the HTML report in a real browser (Debian's chromium, installed by .ci/run): counts shown
// equal the report's, the verdict filter hides rows, a requirement expands, and a screenshot is kept
// under test/artifacts/ for people to look at.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { render } from '../../src/report/formats/html.js';
import type { Report } from '../../src/report/model.js';
import { runCli } from '../helpers/cli.js';
import { fixtureContext, fixtureReport } from './fixture-context.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// .ci/run installs Chromium and sets SEGUR_REQUIRE_CHROMIUM: there, a missing browser is a failure.
const mustRun = process.env.SEGUR_REQUIRE_CHROMIUM === '1';
if (!hasChromium && !mustRun) console.warn(`${CHROMIUM} absent : test navigateur du rapport HTML ignoré (installez le paquet Debian chromium, comme le fait .ci/run)`);

const artifacts = fileURLToPath(new URL('../artifacts/', import.meta.url));

describe.skipIf(!hasChromium && !mustRun)('html report in Chromium', () => {
  let browser: BrowserContext;
  let page: Page;
  let profile: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    const file = join(artifacts, 'report.html');
    writeFileSync(file, render(fixtureContext()));
    profile = mkdtempSync(join(tmpdir(), 'segur-chromium-'));
    const { chromium } = await import('playwright-core');
    // A fresh profile each run (playwright passes it to Chromium as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      viewport: { width: 1280, height: 900 },
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    await page.goto(pathToFileURL(file).href);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('shows the counts of the report, runs without errors (CSP included)', async () => {
    expect(await countsShown(page)).toEqual(expectedCounts(fixtureReport));
    expect(await page.textContent('#gate')).toBe('✘ Contrôle échoué');
    expect(await page.locator('tr.req:visible').count()).toBe(4);
    // The script ran: detail rows start collapsed.
    expect(await page.locator('tr.detail:visible').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('filters by verdict and by chapter', async () => {
    await page.selectOption('#filter-verdict', 'non-conforme');
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['INS/va1.02']);
    expect(await page.textContent('#shown')).toBe('1 exigence(s) affichée(s) sur 4');
    await page.selectOption('#filter-verdict', '');
    await page.selectOption('#filter-chapter', 'Gestion de l’INS');
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['INS/va1.01', 'INS/va1.02']);
    await page.selectOption('#filter-chapter', '');
    expect(await page.locator('tr.req:visible').count()).toBe(4);
  });

  it('expands a requirement from the keyboard, shows the script statement as text, and saves a screenshot', async () => {
    const toggle = page.locator('button.toggle', { hasText: 'INS/va1.02' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const detail = page.locator('#detail-2');
    expect(await detail.isVisible()).toBe(true);
    expect(await detail.locator('blockquote').textContent()).toBe('Le LGC DOIT qualifier l’identité <script>alert(1)</script> avant tout échange.');
    expect(await detail.locator('table.files td.sha').textContent()).toBe('d'.repeat(64));
    await page.screenshot({ path: join(artifacts, 'report.png'), fullPage: true });
    await page.keyboard.press('Enter');
    expect(await detail.isVisible()).toBe(false);
    expect(pageErrors).toEqual([]);
  });

  it('filters by verdict from the summary cards', async () => {
    await page.click('button.card.v-incomplet');
    expect(await page.inputValue('#filter-verdict')).toBe('incomplet');
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['DMP/va1.01']);
    await page.click('button.card.v-total');
    expect(await page.inputValue('#filter-verdict')).toBe('');
    expect(await page.locator('tr.req:visible').count()).toBe(4);
  });

  it('expands and collapses every requirement at once', async () => {
    await page.click('#expand-all');
    expect(await page.locator('tr.detail:visible').count()).toBe(4);
    expect(await page.locator('button.toggle[aria-expanded="true"]').count()).toBe(4);
    await page.screenshot({ path: join(artifacts, 'report-expanded.png'), fullPage: true });
    await page.click('#collapse-all');
    expect(await page.locator('tr.detail:visible').count()).toBe(0);
  });

  it('shows the same counts as the JSON report of a real `segur check` run', async () => {
    const html = join(profile, 'missing-proof.html');
    const json = join(profile, 'missing-proof.json');
    const run = runCli(['check', 'fixtures/bundles/missing-proof', '--format', `html:${html}`, '--format', `json:${json}`]);
    expect(run.status, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
    const other = await browser.newPage();
    await other.goto(pathToFileURL(html).href);
    expect(await countsShown(other)).toEqual(expectedCounts(report));
    await other.selectOption('#filter-verdict', 'incomplet');
    expect(await other.locator('tr.req:visible button.toggle').allTextContents()).toEqual(
      report.requirements.filter((result) => result.verdict === 'incomplet').map((result) => result.id),
    );
    await other.screenshot({ path: join(artifacts, 'missing-proof.png'), fullPage: true });
    await other.close();
    expect(pageErrors).toEqual([]);
  });
});

/** The counters the page shows, by `data-count` name. */
async function countsShown(page: Page): Promise<Record<string, number>> {
  const shown = await page.$$eval('[data-count]', (nodes) => nodes.map((node) => [node.getAttribute('data-count'), Number(node.textContent)]));
  return Object.fromEntries(shown);
}

function expectedCounts({ summary }: Report): Record<string, number> {
  return {
    conforme: summary.conforme,
    'non-conforme': summary['non-conforme'],
    incomplet: summary.incomplet,
    'non-applicable': summary['non-applicable'],
    requirements: summary.requirements,
  };
}
