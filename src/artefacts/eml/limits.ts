// Bounds of an MSSanté message read from untrusted hands, checked while the MIME structure is split
// and before any body is decoded (split-message.ts). A breach is one finding; the message is not
// read further. Sizes fit what MSSanté carries: Mon espace santé refuses messages above 25 MB.
import { XDM_LIMITS, type XdmLimits } from '../xdm/open-archive.js';

export const EML_LIMITS = {
  /** MIME parts (every node, multiparts included): a message carries a handful. */
  maxParts: 500,
  /** Multipart nesting: mixed > alternative > related is 3; forwarded messages add a few. */
  maxDepth: 16,
  /** Header bytes of one part (mailsplit counts each header line as at least 64 bytes). */
  maxHeaderBytes: 512 * 1024,
} as const;
export type EmlLimits = { readonly [K in keyof typeof EML_LIMITS]: number };

/** The message file itself (base64 attachments included). */
export const EML_MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The IHE XDM archives attached to one message: each is validated with `archive` (its own inflation
 * budget included), and all of them together inflate at most `inflationRatio` times the message's
 * length, at least `minInflationBytes`, at most `maxInflationBytes` (`eml/xdm-budget` when reached):
 * a 64 MB message could otherwise carry 180 archives of 250 MB each.
 */
export const EML_XDM_LIMITS = {
  archive: XDM_LIMITS,
  inflationRatio: 32,
  minInflationBytes: 32 * 1024 * 1024,
  maxInflationBytes: 256 * 1024 * 1024,
};
export interface EmlXdmLimits {
  archive: XdmLimits;
  inflationRatio: number;
  minInflationBytes: number;
  maxInflationBytes: number;
}
