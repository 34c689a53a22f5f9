// Work on an XDM archive is bounded by its bytes, never by what its entries claim (attack report
// items 6 and 13): document entries checked across all its subsets, bytes inflated. Each cap reached
// is one error finding naming it, the archive then counts as not wholly checked. Entries are read
// once each and only the bytes a check needs are held (a PDF is hashed as it inflates).
import { describe, expect, it } from 'vitest';
import { validateXdmBytes } from '../../src/artefacts/xdm/validator.js';
import { XDM_LIMITS } from '../../src/artefacts/xdm/open-archive.js';
import { documentsArchive, subsetsArchive } from '../../scripts/fixtures/hostile-inputs.js';
import { incompressibleBytes } from '../../scripts/fixtures/eml.js';
import { cdaDocument } from '../../scripts/fixtures/artefact-templates.js';
import { writeZip } from '../../scripts/fixtures/rem-zip.js';
import { xdmEntries } from '../../scripts/fixtures/xdm-evs.js';

const metadata = (subset: number) => `IHE_XDM/S${String(subset).padStart(3, '0')}/METADATA.XML`;

/** Entries checked per METADATA.XML (each costs one xdm/hash finding), and the other findings. */
async function outcome(archive: Buffer, limits = XDM_LIMITS) {
  const { findings } = await validateXdmBytes(archive, limits);
  const checked: Record<string, number> = {};
  for (const finding of findings.filter((candidate) => candidate.rule === 'xdm/hash')) {
    const file = finding.location!.split(':')[0]!;
    checked[file] = (checked[file] ?? 0) + 1;
  }
  return { checked, others: findings.filter((finding) => finding.rule !== 'xdm/hash').map((finding) => [finding.rule, finding.severity, finding.args, finding.location]) };
}

describe('document entries checked across the subsets of one archive', () => {
  // [subsets, entries per METADATA.XML, per METADATA.XML cap, archive-wide cap, entries checked per subset, other findings]
  const cases: [number, number, number, number, number[], unknown[][]][] = [
    [1, 3, 100, 5, [3], []],
    [2, 2, 100, 4, [2, 2], []],
    [2, 3, 100, 5, [3, 2], [['xdm/document-entry-budget', 'error', { entry: metadata(2), max: 5 }, metadata(2)]]],
    [3, 2, 100, 4, [2, 2], [['xdm/document-entry-budget', 'error', { entry: metadata(3), max: 4 }, metadata(3)]]],
    // Subsets after the one where the budget ran out are not read at all.
    [5, 2, 100, 4, [2, 2], [['xdm/document-entry-budget', 'error', { entry: metadata(3), max: 4 }, metadata(3)]]],
    // The cap of one METADATA.XML is named when it is the one that stops the checks…
    [1, 6, 4, 10, [4], [['xdm/too-many-document-entries', 'error', { entry: metadata(1), count: 6, max: 4 }, metadata(1)]]],
    // …and the archive's when fewer entries than that were left.
    [
      2,
      6,
      4,
      6,
      [4, 2],
      [
        ['xdm/too-many-document-entries', 'error', { entry: metadata(1), count: 6, max: 4 }, metadata(1)],
        ['xdm/document-entry-budget', 'error', { entry: metadata(2), max: 6 }, metadata(2)],
      ],
    ],
  ];

  it.each(cases)('%i subset(s) × %i entries, caps %i per file and %i per archive', async (subsets, perSubset, perFile, perArchive, checked, others) => {
    const limits = { ...XDM_LIMITS, maxDocumentEntries: perFile, maxDocumentEntriesTotal: perArchive };
    const result = await outcome(subsetsArchive(subsets, perSubset), limits);
    expect(result.checked).toEqual(Object.fromEntries(checked.map((count, index) => [metadata(index + 1), count])));
    expect(result.others).toEqual(others);
  });

  it('checks at most 200 document entries per archive by default, whatever its subsets declare', async () => {
    expect(XDM_LIMITS.maxDocumentEntriesTotal).toBe(200);
    const result = await outcome(subsetsArchive(4, 100));
    expect(result.checked).toEqual({ [metadata(1)]: 100, [metadata(2)]: 100 });
    expect(result.others).toEqual([['xdm/document-entry-budget', 'error', { entry: metadata(3), max: 200 }, metadata(3)]]);
  });
});

describe('bytes inflated from one archive: proportional to its size, between a floor and a ceiling', () => {
  const MB = 1024 * 1024;
  const small = { ...XDM_LIMITS, inflationRatio: 4, minInflationBytes: 1 * MB, maxInflationBytes: 8 * MB };
  const pdfs = (data: Buffer, count = 3) => Array.from({ length: count }, (_, index) => ({ name: `P${index}.PDF`, data }));
  const budgetFinding = (archive: Buffer, entry: string, budgetMb: number) => [
    'xdm/inflation-budget',
    'error',
    { entry, budgetMb, archiveKb: Math.ceil(archive.length / 1024) },
    entry,
  ];

  it('is 32 times the archive, 32 MB at least and 256 MB at most, by default', () => {
    expect([XDM_LIMITS.inflationRatio, XDM_LIMITS.minInflationBytes, XDM_LIMITS.maxInflationBytes]).toEqual([32, 32 * MB, 256 * MB]);
  });

  it('stops at the first entry that would inflate beyond the floor of a small archive, its later entries unread', async () => {
    const archive = documentsArchive(pdfs(Buffer.alloc(400 * 1024)));
    const result = await validateXdmBytes(archive, small);
    expect(result.findings.map((finding) => [finding.rule, finding.severity, finding.args, finding.location])).toEqual([budgetFinding(archive, 'IHE_XDM/SUBSET01/P2.PDF', 1)]);
  });

  it('reads an archive of the same declared sizes whose bytes are present (ratio of real PDFs)', async () => {
    const archive = documentsArchive(pdfs(incompressibleBytes(400 * 1024)).map((file) => ({ ...file, stored: true })));
    expect((await validateXdmBytes(archive, small)).findings).toEqual([]);
  });

  it('stops at the ceiling whatever the archive size', async () => {
    const archive = documentsArchive(pdfs(incompressibleBytes(400 * 1024)).map((file) => ({ ...file, stored: true })));
    const result = await validateXdmBytes(archive, { ...small, inflationRatio: 100, maxInflationBytes: 1 * MB });
    expect(result.findings.map((finding) => [finding.rule, finding.severity, finding.args, finding.location])).toEqual([budgetFinding(archive, 'IHE_XDM/SUBSET01/P2.PDF', 1)]);
  });

  it('inflates a file named by several document entries once', async () => {
    const archive = documentsArchive(pdfs(Buffer.alloc(600 * 1024), 1), ['P0.PDF', 'P0.PDF']);
    expect((await validateXdmBytes(archive, small)).findings).toEqual([]);
  });

  it('counts a CDA it would validate: refused, nothing read from it', async () => {
    const padding = `<!-- ${'x'.repeat(2 * MB)} -->`;
    const archive = writeZip(xdmEntries(Buffer.from(cdaDocument().replace('</ClinicalDocument>', `${padding}\n</ClinicalDocument>`))));
    const result = await validateXdmBytes(archive, small);
    expect(result.findings.map((finding) => [finding.rule, finding.severity, finding.args, finding.location])).toEqual([budgetFinding(archive, 'IHE_XDM/SUBSET01/DOC0001.XML', 1)]);
    expect(result.identities).toEqual([]);
    expect(result.documents).toEqual([]);
  });
});
