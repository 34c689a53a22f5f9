// Known failures of a run (exit code 2). They carry a message code and arguments, never wording:
// the CLI renders them in the user's language as one short paragraph, without a stack trace.
import type { MessageArgs } from './messages/index.js';

export class SegurError extends Error {
  readonly code: string;
  readonly args: MessageArgs;

  constructor(code: string, args: MessageArgs = {}, options?: { cause?: unknown }) {
    super(code, options);
    this.name = 'SegurError';
    this.code = code;
    this.args = args;
  }
}

export function isSegurError(error: unknown): error is SegurError {
  return error instanceof SegurError;
}

/** Short reason for a Node.js file-system error, without the path (messages name the file themselves). */
export function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'fichier ou dossier introuvable (ENOENT)';
    case 'EACCES':
    case 'EPERM':
      return `accès refusé (${code})`;
    case 'EISDIR':
      return 'c’est un dossier (EISDIR)';
    case 'ENOTDIR':
      return 'un élément du chemin n’est pas un dossier (ENOTDIR)';
    case 'ENOSPC':
      return 'plus de place sur le disque (ENOSPC)';
    case 'ENXIO':
      return 'personne ne lit à l’autre bout du tube (ENXIO)';
    case 'EPIPE':
      return 'le lecteur a fermé le tube (EPIPE)';
    case 'EROFS':
      return 'système de fichiers en lecture seule (EROFS)';
    case 'ELOOP':
      return 'trop de liens symboliques enchaînés (ELOOP)';
    default:
      return code ?? (error instanceof Error ? error.message : String(error));
  }
}
