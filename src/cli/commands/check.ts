import type { Command } from 'commander';
import type { ExitCodeHolder } from '../program.js';

export function registerCheckCommand(_program: Command, _exit: ExitCodeHolder): void {
  // declared by its issue
}
