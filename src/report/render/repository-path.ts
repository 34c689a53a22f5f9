// Where a file of the run sits for CI tools, which resolve paths against the repository root — the
// folder segur ran from (`segur check preuves` in a checkout): `preuves/proofs/a.xml`. GitHub code
// scanning ignores custom SARIF base ids (`uriBaseId` other than %SRCROOT%) and annotations need a
// path from the root, so both formats use this one resolution.
import { isAbsolute, posix, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export type RepositoryPath =
  /** Relative to the repository root (the working folder), POSIX separators. */
  | { inside: true; path: string }
  /** Outside it: an absolute path, for want of better. */
  | { inside: false; path: string };

/** `file` (relative to `base`, POSIX) as seen from the working folder `cwd`. */
export function repositoryPath(base: string, file: string, cwd: string = process.cwd()): RepositoryPath {
  const absolute = resolve(cwd, base, file);
  const fromRoot = relative(cwd, absolute);
  if (fromRoot === '' || fromRoot.startsWith('..') || isAbsolute(fromRoot)) return { inside: false, path: absolute };
  return { inside: true, path: fromRoot.split(sep).join(posix.sep) };
}

/** SARIF's artifactLocation: `%SRCROOT%`-relative when inside the repository, else an absolute file URI. */
export function sarifArtifactLocation(location: RepositoryPath): { uri: string; uriBaseId?: '%SRCROOT%' } {
  if (!location.inside) return { uri: pathToFileURL(location.path).href };
  return { uri: relativeUri(location.path), uriBaseId: '%SRCROOT%' };
}

/** A relative URI reference: each POSIX path segment percent-encoded (RFC 3986 sub-delims, ":" and "@" stay). */
export function relativeUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    .join('/');
}
