// What a batch folder or a zipped deposit may hold beside the deposits without being one.

/** Hidden files and folders (`.DS_Store`, `.git`) and macOS/Windows residue are not deposits (in a batch folder and inside a zipped deposit). */
export function isIgnored(name: string): boolean {
  return name.startsWith('.') || name === '__MACOSX' || name === 'Thumbs.db' || name === 'desktop.ini';
}
