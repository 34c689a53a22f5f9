// The header facts every human-facing format shows: what was checked, against what, with which outcome.
import type { ReportContext } from '../model.js';
import type { Translate } from './wording.js';

/** `withGate: false` where the page already shows the gate prominently (HTML badge, Markdown title). */
export function bundleFacts(context: ReportContext, t: Translate, { withGate = true } = {}): [label: string, value: string][] {
  const { report } = context;
  const facts: [string, string][] = [
    ...(report.bundle.folder === undefined ? [] : [[t('report/folder'), report.bundle.folder] as [string, string]]),
    [t('report/software'), describe(report.bundle.software)],
    [t('report/editor'), describe(report.bundle.editor)],
    [t('report/profiles'), report.bundle.profiles.join(', ')],
    [t('report/catalog'), `${report.catalog.id} — ${report.catalog.title}`],
  ];
  if (withGate) facts.push([t('report/column.verdict'), t(`report/gate.${report.verdict}`)]);
  if (report.date !== undefined) facts.push([t('report/date'), report.date]);
  facts.push([t('report/tool'), `${report.tool.name} ${report.tool.version}`]);
  return facts;
}

/** `MonLGC 5.2.0` from `{ name, version }`; other fields (nie, nil) follow in parentheses. */
function describe(entity: Record<string, unknown>): string {
  const name = [entity.name, entity.version].filter((part) => typeof part === 'string' && part !== '').join(' ');
  const others = Object.entries(entity)
    .filter(([key, value]) => key !== 'name' && key !== 'version' && (typeof value === 'string' || typeof value === 'number'))
    .map(([key, value]) => `${key} ${String(value)}`);
  return others.length === 0 ? name : `${name} (${others.join(', ')})`;
}
