// What a reviewer sees of the evidence in a bundle's HTML report: each screenshot as a thumbnail
// (and a larger preview behind it), both downscaled WebP copies written beside the report — never
// the original inlined — and each PDF or video as a link to the deposited file.
//
// Images are untrusted: only PNG, JPEG, GIF and WebP decoders are enabled (libvips blocks every other
// loader, SVG included), the dimensions are read from the header and checked before a pixel is
// decoded, and the bytes are those whose SHA-256 the report shows (read through the safe open,
// inside the bundle). An image that fails any of this simply gets no thumbnail.
import { join, relative, resolve, sep } from 'node:path';
import type { EvidenceView, ReportContext, ReportFile } from '../report/model.js';
import { readChecked } from '../io/safe-open.js';

export const PREVIEW_LIMITS = {
  /** Screenshots larger than this are not decoded (a 8K screen is 33 Mpx). */
  maxPixels: 40_000_000,
  maxBytes: 64 * 1024 * 1024,
  thumbnailWidth: 320,
  thumbnailHeight: 240,
  previewWidth: 1600,
  previewHeight: 1600,
};

export const PREVIEW_FOLDER = 'apercus';

export interface PreviewFile {
  /** Relative to the bundle's report folder, POSIX separators. */
  path: string;
  data: Uint8Array;
}

export interface Previews {
  views: Map<string, EvidenceView>;
  files: PreviewFile[];
}

const IMAGE_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x52, 0x49, 0x46, 0x46], // RIFF (WebP checked by libvips' own sniffing)
];
const DECODABLE = new Set(['png', 'jpeg', 'gif', 'webp']);

/** The bundle has a screenshot: its HTML report waits for the thumbnails (made in the main thread). */
export function hasScreenshot(context: ReportContext): boolean {
  return uniqueFiles(context).some((file) => file.kind === 'screenshot');
}

/**
 * Links to the deposited PDFs and videos, relative to the report's folder `reportDir`; none when the
 * originals are not on disk (`linkBase` absent: a zipped deposit).
 */
export function linkViews(context: ReportContext, place: { linkBase?: string; reportDir: string }): Map<string, EvidenceView> {
  const views = new Map<string, EvidenceView>();
  if (place.linkBase === undefined) return views;
  for (const file of uniqueFiles(context)) {
    if (file.kind === 'pdf' || file.kind === 'video') views.set(file.path, { kind: 'link', href: relativeUrl(place.reportDir, join(place.linkBase, file.path)) });
  }
  return views;
}

/** Thumbnails of the screenshots (files relative to the report's folder, and their views). */
export async function thumbnailViews(context: ReportContext, bundleRealRoot: string): Promise<Previews> {
  const views = new Map<string, EvidenceView>();
  const files: PreviewFile[] = [];
  const written = new Set<string>();
  for (const file of uniqueFiles(context)) {
    if (file.kind !== 'screenshot') continue;
    const images = await thumbnails(file, bundleRealRoot);
    if (!images) continue;
    const stem = `${PREVIEW_FOLDER}/${file.sha256}`;
    if (!written.has(stem)) {
      written.add(stem);
      files.push({ path: `${stem}-vignette.webp`, data: images.thumbnail }, { path: `${stem}-apercu.webp`, data: images.preview });
    }
    views.set(file.path, { kind: 'image', thumbnail: `${stem}-vignette.webp`, preview: `${stem}-apercu.webp`, width: images.width, height: images.height });
  }
  return { views, files };
}

function uniqueFiles(context: ReportContext): ReportFile[] {
  const byPath = new Map<string, ReportFile>();
  for (const requirement of context.report.requirements) {
    for (const proof of requirement.proofs) for (const file of proof.files) if (!byPath.has(file.path)) byPath.set(file.path, file);
  }
  return [...byPath.values()];
}

async function thumbnails(file: ReportFile, root: string): Promise<{ thumbnail: Uint8Array; preview: Uint8Array; width: number; height: number } | undefined> {
  if (file.size > PREVIEW_LIMITS.maxBytes) return undefined;
  const read = await readChecked(resolve(root, file.path), { followSymlinks: true, insideRoot: root, maxBytes: PREVIEW_LIMITS.maxBytes });
  if (!read.ok || read.sha256 !== file.sha256 || !IMAGE_MAGIC.some((magic) => magic.every((byte, index) => read.bytes[index] === byte))) return undefined;
  const sharp = await loadSharp();
  try {
    const options = { limitInputPixels: PREVIEW_LIMITS.maxPixels, failOn: 'error' as const };
    const header = await sharp(read.bytes, options).metadata();
    if (!header.format || !DECODABLE.has(header.format) || !header.width || !header.height || header.width * header.height > PREVIEW_LIMITS.maxPixels) return undefined;
    const shrink = (width: number, height: number) =>
      sharp(read.bytes, options).resize({ width, height, fit: 'inside', withoutEnlargement: true }).webp({ quality: 80 }).toBuffer({ resolveWithObject: true });
    const thumbnail = await shrink(PREVIEW_LIMITS.thumbnailWidth, PREVIEW_LIMITS.thumbnailHeight);
    const preview = await shrink(PREVIEW_LIMITS.previewWidth, PREVIEW_LIMITS.previewHeight);
    return { thumbnail: thumbnail.data, preview: preview.data, width: thumbnail.info.width, height: thumbnail.info.height };
  } catch {
    return undefined; // a corrupt or hostile image: the report still lists it, without a thumbnail
  }
}

type Sharp = typeof import('sharp').default;
let sharpModule: Promise<Sharp> | undefined;

/** sharp (libvips) is loaded only when a bundle has a screenshot, with every loader but four blocked. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then(({ default: sharp }) => {
    sharp.cache(false);
    sharp.concurrency(1);
    sharp.block({ operation: ['VipsForeignLoad'] });
    sharp.unblock({ operation: ['VipsForeignLoadPngBuffer', 'VipsForeignLoadJpegBuffer', 'VipsForeignLoadWebpBuffer', 'VipsForeignLoadNsgifBuffer'] });
    return sharp;
  });
  return sharpModule;
}

/** A relative URL from `fromDir` to `target`: each segment percent-encoded (a `#` or `?` in a name stays a name). */
export function relativeUrl(fromDir: string, target: string): string {
  return relative(resolve(fromDir), resolve(target)).split(sep).map(encodeURIComponent).join('/');
}
