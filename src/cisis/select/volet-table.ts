// Which CI-SIS volet schematron applies to a CDA document: a curated table, because header
// templateIds name the document type, not the version of its specification (BIO-CR-BIO 2021/2023/
// 2024, CSE-CS8/CS9/CS24 ×3, eP-MED-DM ×3, SDM-MR, OPH-BRE and VSM share theirs across versions).
//
// Rules, checked against the `<?oxygen SCHSchema?>` lines of ANS's 94 example documents
// (test/cisis/select.test.ts, oracle `examples.official.json`):
// 0. Declared: a document may name its volet schematron in an `<?oxygen SCHSchema=
//    "…/CI-SIS_<volet>.sch"?>` processing instruction (as ANS's examples and documents derived from
//    them do, for ANS's own Oxygen-based validation). The header outranks it (select-volet.ts): the
//    declaration names the version only where the header leaves it open (no @extension, or one
//    naming no known version) and within the header's family, and it is run when no family matches;
//    a contradicting declaration (often left from the example a document was copied from) is set
//    aside and the report says so.
// 1. Family: the document's ClinicalDocument/templateId/@root holds the family's templateId.
// 2. Version: that templateId's @extension names the version (`extension="2024.01"` → the
//    `_2024.01` schematron; VSM 1.4's documents carry `extension="201310"`). Without an extension,
//    the family's `fallback` (its oldest version, the one written before ANS versioned templateIds).
//    A family may refine that fallback with a body probe: BIO-CR-BIO documents without extension
//    holding a FR-Document-PDF-copie section (templateId 1.2.250.1.213.1.1.2.243, required from
//    2023.01 on) are 2024.01 — ANS's own TSH examples of 2024.01 carry no extension. An extension
//    naming no known version ("2024.1", "2024.01 ", "2024-01") gets the family's `newest` version
//    and a warning: the oldest one is the most lenient, and a misspelt extension must not buy it.
// 3. Document code: the templateIds choose the family; a wrong code is left to the volet's own
//    rules, which then report it (a VSM with code 34133-9 still gets VSM). The code is needed only
//    (a) where the templateId is not specific to the volet — TLM-CR is identified by IHE XDS-SD's
//    templateId, which every level-1 document has; (b) to recognise a known document that reuses a
//    volet's templateId without being of that volet — ANS's « Modèles de contenus » example
//    (01_Modèles_contenus_CDA.xml: VSM's templateId without extension, code 60591-5), which VSM's
//    rules would fail (4 errors) and the official chain runs no volet on; (c) to settle a header
//    naming several families: the one whose `codes` hold the document's code, else none (warning,
//    `--volet` decides). No two families share a templateId; versions of one family do.
// 4. Level 1 (nonXMLBody): no volet, except those written for level 1 (TLM-CR): ANS's level-1
//    examples of BIO-CR-BIO and IMG-CR-IMG carry their volet's templateId and get no volet run.

export interface VoletFamily {
  family: string;
  templateId: string;
  /** Volet names (schematron `CI-SIS_<name>.sch`) by version written in the templateId's @extension. */
  versions: Record<string, string>;
  /** Volet used when the extension is absent (the oldest version). */
  fallback: string;
  /** Volet used when the extension names no listed version (the newest version). */
  newest: string;
  /** Instead of the fallback: this volet when the document holds an element with this templateId. */
  probe?: { templateId: string; volet: string };
  /** Document codes (ClinicalDocument/code/@code) of the family: they settle a header naming several families. */
  codes?: string[];
  /** The templateId is not specific to the volet (IHE XDS-SD's): the family is chosen only with one of its `codes`. */
  codeRequired?: boolean;
  /** Documents that carry the templateId, without extension, and are not of the volet: known by their code. */
  knownDocuments?: { code: string; name: string }[];
  /** The volet is written for level-1 documents (nonXMLBody). */
  level1?: boolean;
}

const single = (family: string, templateId: string, version: string, extra: Partial<VoletFamily> = {}): VoletFamily => ({
  family,
  templateId,
  versions: { [version]: `${family}_${version}` },
  fallback: `${family}_${version}`,
  newest: `${family}_${version}`,
  ...extra,
});

/** `versions` oldest first. */
const versioned = (family: string, templateId: string, versions: string[], fallback: string): VoletFamily => ({
  family,
  templateId,
  versions: Object.fromEntries(versions.map((version) => [version, `${family}_${version}`])),
  fallback: `${family}_${fallback}`,
  newest: `${family}_${versions[versions.length - 1]!}`,
});

const CISIS = '1.2.250.1.213.1.1.1';

export const VOLET_TABLE: readonly VoletFamily[] = [
  single('ANEST-CR-ANEST', `${CISIS}.40`, '2022.01'),
  single('ANEST-CR-CPA', `${CISIS}.41`, '2022.01'),
  single('AVC-AUNV', `${CISIS}.15`, '2022.01'),
  single('AVC-EUNV', `${CISIS}.16`, '2022.01'),
  single('AVC-PAVC', `${CISIS}.25`, '2022.01'),
  single('AVC-SUNV', `${CISIS}.17`, '2022.01'),
  { ...versioned('BIO-CR-BIO', `${CISIS}.55`, ['2021.01', '2023.01', '2024.01'], '2021.01'), probe: { templateId: '1.2.250.1.213.1.1.2.243', volet: 'BIO-CR-BIO_2024.01' } },
  single('BIO-TROD', `${CISIS}.59`, '2024.01'),
  single('CANCER-CR-GM', `${CISIS}.32`, '2022.01'),
  single('CANCER-D2LM-FIDD', `${CISIS}.28`, '2022.01'),
  single('CANCER-D2LM-FIN', `${CISIS}.27`, '2022.01'),
  single('CANCER-FRCP', `${CISIS}.8`, '2022.01'),
  single('CANCER-PPS', `${CISIS}.26`, '2022.01'),
  single('CARD-F-PRC-AVK', `${CISIS}.2.1.1`, '2022.01'),
  single('CARD-F-PRC-TAP', `${CISIS}.2.1.2`, '2022.01'),
  single('CARD-F-PRC-DCI', `${CISIS}.2.1.3`, '2022.01'),
  single('CARD-F-PRC-PSC', `${CISIS}.2.1.4`, '2022.01'),
  single('CARD-F-PRC-PPV', `${CISIS}.2.1.5`, '2022.01'),
  single('CNAM-HR', `${CISIS}.36`, '2021.01'),
  versioned('CSE-CS8', `${CISIS}.5.1`, ['2022.01', '2024.01', '2025.01'], '2022.01'),
  versioned('CSE-CS9', `${CISIS}.5.2`, ['2022.01', '2024.01', '2025.01'], '2022.01'),
  versioned('CSE-CS24', `${CISIS}.5.3`, ['2022.01', '2024.01', '2025.01'], '2022.01'),
  single('CSE-MDE', `${CISIS}.5.4`, '2023.01'),
  single('DLU-EHPAD-DLU', `${CISIS}.22`, '2022.01'),
  single('DLU-EHPAD-FLUDT', `${CISIS}.23`, '2022.01'),
  single('DLU-EHPAD-FLUDR', `${CISIS}.24`, '2022.01'),
  versioned('EP-MED-DM', `${CISIS}.39`, ['2022.01', '2023.01', '2024.01'], '2022.01'),
  single('eDISP-MED', `${CISIS}.54`, '2024.01'),
  single('IMG-CR-IMG', `${CISIS}.45`, '2024.01'),
  single('IMG-DA-IMG', `${CISIS}.47`, '2024.01'),
  single('IPS-FR', `${CISIS}.51`, '2024.01'),
  single('LDL-EES', `${CISIS}.21`, '2022.01'),
  single('LDL-SES', `${CISIS}.29`, '2022.01'),
  single('OBP-SAP', `${CISIS}.12.1`, '2024.01'),
  single('OBP-SNM', `${CISIS}.12.2`, '2024.01'),
  single('OBP-SNE', `${CISIS}.12.3`, '2024.01'),
  single('OBP-SCM', `${CISIS}.12.4`, '2024.01'),
  single('OBP-SEM', `${CISIS}.12.5`, '2024.01'),
  versioned('OPH-BRE', `${CISIS}.42`, ['2022.01', '2022.02'], '2022.01'),
  single('OPH-CR-RTN', `${CISIS}.18`, '2022.01'),
  versioned('SDM-MR', `${CISIS}.30`, ['2022.01', '2024.01'], '2022.01'),
  single('TLM-CR', '1.3.6.1.4.1.19376.1.2.20', '2022.01', { codes: ['85208-7'], codeRequired: true, level1: true }),
  single('TLM-DA', `${CISIS}.38`, '2022.01'),
  single('VAC', `${CISIS}.37`, '2023.01'),
  single('VAC-NOTE', `${CISIS}.46`, '2023.01'),
  {
    family: 'VSM',
    templateId: `${CISIS}.13`,
    versions: { '201310': 'VSM_1.4_2022.01', '2023.01': 'VSM_2023.01' },
    fallback: 'VSM_1.4_2022.01',
    newest: 'VSM_2023.01',
    codes: ['SYNTH'],
    knownDocuments: [{ code: '60591-5', name: 'Modèles de contenus CDA' }],
  },
];
