// Files an operating system or an office suite leaves in a folder, that nobody deposits as evidence:
// Windows thumbnails caches and folder settings (`Thumbs.db`, `desktop.ini`), macOS folder metadata
// (`.DS_Store`) and AppleDouble forks (`._photo.png`), Office lock files (`~$rapport.docx`), and any
// other hidden file (`.gitkeep`). One predicate for every folder segur lists itself: proof folders
// (bundle/collect.ts) and the folders `segur validate` walks (artefacts/validate-inputs.ts).
const SYSTEM_FILES = new Set(['thumbs.db', 'ehthumbs.db', 'ehthumbs_vista.db', 'desktop.ini']);

export function isJunkFileName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(name.toLowerCase());
}
