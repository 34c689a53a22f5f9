// Process-wide cleanup of what a run leaves on disk while it works (temporary report files, folders
// a zipped deposit is extracted to): each is registered while it exists. On SIGINT or SIGTERM every
// registered path is removed, then the process exits 130 or 143 (128 + signal number, as shells do),
// so Ctrl-C never leaves a `.*.tmp` file or an extracted patient document behind.
import { rmSync } from 'node:fs';

const registered = new Set<string>();
let handlersInstalled = false;

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** `path` (file or folder) is removed if the run is interrupted before `unregisterCleanup(path)`. */
export function registerCleanup(path: string): void {
  registered.add(path);
  installHandlers();
}

export function unregisterCleanup(path: string): void {
  registered.delete(path);
}

/** Removes every registered path now (synchronously: signal handlers cannot wait). */
export function cleanupNow(): void {
  for (const path of registered) {
    try {
      rmSync(path, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // best effort: the next path still gets its chance
    }
  }
  registered.clear();
}

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      cleanupNow();
      process.exit(code);
    });
  }
}
