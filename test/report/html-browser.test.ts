// Drives the HTML report in a real browser (Debian's chromium, installed by .ci/run): counts shown
// equal the report's, the search box and the verdict and chapter filters hide rows, a requirement
// expands, the page fits 1400, 768 and 390 px without sideways scrolling (verdict badges in view,
// table header sticky), and screenshots are kept under test/artifacts/ (git-ignored) to look at.
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

  it('filters by several verdicts at once, by chapter, and by a search on ID and title', async () => {
    await setVerdicts(page, ['non-conforme']);
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['INS/va1.02']);
    expect(await page.textContent('#shown')).toBe('1 exigence affichée sur 4');
    await setVerdicts(page, ['non-conforme', 'incomplet']);
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['INS/va1.02', 'DMP/va1.01']);
    expect(await page.textContent('#shown')).toBe('2 exigences affichées sur 4');
    await setVerdicts(page, [...VERDICTS]);
    await page.fill('#filter-text', 'apercu');
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['ERGO/va1.05']);
    await page.fill('#filter-text', 'ins/va1.0');
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['INS/va1.01', 'INS/va1.02']);
    await page.fill('#filter-text', '');
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
    expect(await checkedVerdicts(page)).toEqual(['incomplet']);
    expect(await page.locator('tr.req:visible button.toggle').allTextContents()).toEqual(['DMP/va1.01']);
    await page.click('button.card.v-total');
    expect(await checkedVerdicts(page)).toEqual([...VERDICTS]);
    expect(await page.locator('tr.req:visible').count()).toBe(4);
  });

  it('counts errors and warnings per requirement, not information notes', async () => {
    const counts = await page.$$eval('tr.req td.num', (cells) => cells.map((cell) => cell.textContent));
    expect(counts).toEqual(['0', '2', '1', '0']);
  });

  it.each([1400, 768, 390])('fits %i px without sideways scrolling, badges in view, header sticky', async (width) => {
    const narrow = await browser.newPage();
    await narrow.setViewportSize({ width, height: 900 });
    await narrow.goto(pathToFileURL(join(artifacts, 'report.html')).href);
    await narrow.click('#expand-all');
    const sizes = await narrow.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(sizes.scroll).toBeLessThanOrEqual(sizes.client);
    for (const box of await narrow.locator('tr.req .badge').all()) {
      const rect = (await box.boundingBox())!;
      expect(rect.x).toBeGreaterThanOrEqual(0);
      expect(rect.x + rect.width).toBeLessThanOrEqual(width);
    }
    expect(await narrow.$eval('table.requirements thead th', (th) => getComputedStyle(th).position)).toBe('sticky');
    await narrow.screenshot({ path: join(artifacts, `report-${width}.png`), fullPage: true });
    await narrow.close();
    expect(pageErrors).toEqual([]);
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
    await setVerdicts(other, ['incomplet']);
    expect(await other.locator('tr.req:visible button.toggle').allTextContents()).toEqual(
      report.requirements.filter((result) => result.verdict === 'incomplet').map((result) => result.id),
    );
    await other.screenshot({ path: join(artifacts, 'missing-proof.png'), fullPage: true });
    await other.close();
    expect(pageErrors).toEqual([]);
  });
});

const VERDICTS = ['conforme', 'non-conforme', 'incomplet', 'non-applicable'] as const;

async function setVerdicts(page: Page, verdicts: readonly string[]): Promise<void> {
  for (const verdict of VERDICTS) await page.setChecked(`#filter-verdict input[value="${verdict}"]`, verdicts.includes(verdict));
}

async function checkedVerdicts(page: Page): Promise<string[]> {
  return page.$$eval('#filter-verdict input:checked', (inputs) => inputs.map((input) => (input as HTMLInputElement).value));
}

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
