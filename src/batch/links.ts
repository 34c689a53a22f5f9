// Links from the batch pages (index.html, batch.xlsx) to each bundle's report: relative to `--out`,
// each path segment percent-encoded, so that a folder named `http:` or `a#b` stays a folder name and
// never becomes a scheme, a fragment or a query.
import type { BundleResult } from './bundle-result.js';

/** The report a reviewer opens first: the HTML one, else the first written. */
export function reportLink(result: BundleResult): { text: string; href: string } | undefined {
  const report = result.reports.find((path) => path.endsWith('/report.html')) ?? result.reports[0];
  return report === undefined ? undefined : { text: report, href: encodePath(report) };
}

export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
