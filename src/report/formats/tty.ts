// Placeholder until the tty reporter lands (see the open issues); it must never ship like this.
import type { ReportContext } from '../model.js';

export function render(_context: ReportContext): string {
  throw new Error('format tty: not implemented yet');
}
