// What an interrupted run must not leave behind: temporary report files, extracted deposits.
// Paths are registered while they exist; on SIGINT or SIGTERM they are removed, then the process
// exits with the conventional code (128 + signal number: 130, 143).
import { existsSync, rmSync } from 'node:fs';

const registered = new Set<string>();
let installed = false;

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** Removes `path` (file or folder) if the run is interrupted; call the returned function once it is gone or kept. */
export function removeOnInterrupt(path: string): () => void {
  registered.add(path);
  if (!installed) install();
  return () => {
    registered.delete(path);
  };
}

/** Removes every registered path now (synchronously: signal handlers cannot wait). */
export function removeRegistered(): void {
  for (const path of registered) {
    // Several passes: a worker thread may still add a file to a folder being removed (segur batch
    // extracting a deposit), which makes its rmdir fail with ENOTEMPTY; each pass lists it again.
    for (let pass = 0; pass < 20 && existsSync(path); pass += 1) {
      try {
        rmSync(path, { recursive: true, force: true });
      } catch {
        // best effort: the process is ending
      }
    }
  }
  registered.clear();
}

function install(): void {
  installed = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      removeRegistered();
      process.exit(code);
    });
  }
}
