// What the bundle reader learns about evidence files: data only, judged later by the rules.
import type { ArtefactKind } from '../artefacts/types.js';
import type { Position } from './manifest-positions.js';
import type { Sniffed } from './sniff.js';

/** One file attached to one proof, as the manifest lists it or as found under `proofs/<folder>/`. */
export interface EvidenceRef {
  /** Bundle-relative path, POSIX separators (as written when it is unsafe). */
  path: string;
  declaredKind?: ArtefactKind;
  declaredSha256?: string;
  origin: 'manifest' | 'folder';
  /** Where the manifest lists it. */
  position?: Position;
}

/** What reading a file (or refusing to) established. */
export type FileFacts =
  | { status: 'read'; absolutePath: string; size: number; sha256: string; sniffed: Sniffed }
  | { status: 'path-escape' }
  | { status: 'symlink-escape' }
  /** `nearMatch`: a file whose name differs only by letter case (bundle-relative path). */
  | { status: 'not-found'; nearMatch?: string }
  | { status: 'not-a-file' }
  /** A folder under proofs/ deeper than the walk goes (bundle/collect.ts): its files are not read. */
  | { status: 'folder-too-deep'; max: number }
  | { status: 'too-large'; size: number; max: number }
  | { status: 'unreadable'; reason: string };

/** A file as a rule sees it: how it is attached, what it is. */
export interface AttachedFile {
  ref: EvidenceRef;
  facts: FileFacts;
  /** Declared kind, else the sniffed one; undefined when the file could not be read. */
  kind?: ArtefactKind;
}
