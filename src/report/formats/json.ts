// `segur-report/1` as is (docs/product.md): two-space indented, trailing newline, byte-stable.
import type { ReportContext } from '../model.js';

export function render(context: ReportContext): string {
  return `${JSON.stringify(context.report, null, 2)}\n`;
}
