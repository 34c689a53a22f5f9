// `segur-report/1` as is (docs/product.md): two-space indented, trailing newline, byte-stable.
import type { ReportContext } from '../model.js';
import { jsonText } from '../render/escape.js';

export function render(context: ReportContext): string {
  return jsonText(context.report);
}
