// Budgets of the xlsx reader. Work and memory follow the bytes actually present, never what a part
// claims (a merged range down to row 1,048,576, a `dimension` of XFD1048576): cells are stored
// sparsely and every count below is checked as it grows, so a hostile workbook stops at the first
// cap it reaches, named in a French exit-2 message (catalog/limit-*).
//
// Real REMs are far below each cap: the LGC REM has ≈2,000 rows × 34 columns (≈70,000 cells, ≈3 MB
// of XML), a few hundred merged ranges and a few thousand shared strings.

export interface WorkbookReadLimits {
  /**
   * Uncompressed bytes of the XML parts parsed (workbook, relationships, shared strings, styles,
   * sheets read), checked on each entry's declared size before it is inflated. The zip's own cap
   * (`--max-uncompressed-mb`) bounds the whole archive, images included; this one bounds the
   * parsing, the costly part (≈15 MB/s for junk elements): a 100 KB workbook inflating to 95 MB of
   * XML would otherwise take seconds and hundreds of MB.
   */
  maxXmlBytes: number;
  /** Cells kept for the whole workbook, merged cells filled down included (work, not only memory). */
  maxCells: number;
  /** Rows holding at least one cell, per sheet. */
  maxRows: number;
  /** `<mergeCell>` ranges per sheet. */
  maxMergedRanges: number;
  /** Characters of one cell or shared string: Excel's own limit (32,767, "Excel specifications and limits"). */
  maxCellText: number;
  /** Entries of the shared-string table. */
  maxSharedStrings: number;
  /** `<col>` ranges per sheet (Excel has at most 16,384 columns). */
  maxColumnRanges: number;
}

export const DEFAULT_READ_LIMITS: WorkbookReadLimits = {
  maxXmlBytes: 16 * 1024 * 1024,
  maxCells: 400_000,
  maxRows: 100_000,
  maxMergedRanges: 100_000,
  maxCellText: 32_767,
  maxSharedStrings: 1_000_000,
  maxColumnRanges: 16_384,
};

/** Running counts shared by every part of one workbook read. */
export interface CellBudget {
  readonly limits: WorkbookReadLimits;
  cellsUsed: number;
  xmlBytesUsed: number;
}

export function newCellBudget(limits: Partial<WorkbookReadLimits> = {}): CellBudget {
  return { limits: { ...DEFAULT_READ_LIMITS, ...limits }, cellsUsed: 0, xmlBytesUsed: 0 };
}
