// Placeholder until the github reporter lands (see the open issues); it must never ship like this.
import type { ReportContext } from '../model.js';

export function render(_context: ReportContext): string {
  throw new Error('format github: not implemented yet');
}
