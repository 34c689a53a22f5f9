// Compile diagnostics collector: every defect met and every construct not translated is recorded
// with the file (relative to the TestContenuCDA tree) and, when known, line, pattern and rule.
import type { CompileDiagnostic } from '../pack.js';

export class Diagnostics {
  readonly list: CompileDiagnostic[] = [];

  add(diagnostic: CompileDiagnostic): void {
    this.list.push(diagnostic);
  }

  error(code: string, file: string, args: CompileDiagnostic['args'], where: Where = {}): void {
    this.add({ code, severity: 'error', file, ...where, args });
  }

  warning(code: string, file: string, args: CompileDiagnostic['args'], where: Where = {}): void {
    this.add({ code, severity: 'warning', file, ...where, args });
  }

  info(code: string, file: string, args: CompileDiagnostic['args'], where: Where = {}): void {
    this.add({ code, severity: 'info', file, ...where, args });
  }
}

export interface Where {
  line?: number;
  pattern?: string;
  rule?: string;
}
