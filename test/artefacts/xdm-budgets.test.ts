// Work on an XDM archive is bounded by its bytes, never by what its entries claim (attack report
// items 6 and 13): document entries checked across all its subsets, bytes inflated. Each cap reached
// is one error finding naming it, the archive then counts as not wholly checked.
import { describe, expect, it } from 'vitest';
import { validateXdmBytes } from '../../src/artefacts/xdm/validator.js';
import { XDM_LIMITS } from '../../src/artefacts/xdm/open-archive.js';
import { subsetsArchive } from '../../scripts/fixtures/hostile-inputs.js';

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
