// MSSanté message validator (artefact-rules.md §5): the message is split into its MIME parts with
// the limits of limits.ts checked before any body is decoded (split-message.ts); then each part is
// decoded (transfer encoding, charsets: strictly), each attached IHE XDM archive validated as in §3
// (its findings, CDA identities and documents located under the attachment's name), and every rule
// of rules/ run (a rule that throws costs one finding, never the message's other checks).
import type { ArtefactFinding, ArtefactResult, ArtefactValidator } from '../types.js';
import { attachmentFinding, buildFacts, type EmlFacts } from './facts.js';
import { EML_LIMITS, EML_MAX_FILE_BYTES, type EmlLimits } from './limits.js';
import { EML_RULES } from './rules/index.js';
import { splitMessage } from './split-message.js';
import { appendAll } from '../../util/append.js';

export const emlValidator: ArtefactValidator = {
  kind: 'eml',
  maxBytes: EML_MAX_FILE_BYTES,
  validate: (bytes) => validateEmlBytes(bytes),
};

/** Findings decided before the rules: the message could not be read (further). */
export const EML_STRUCTURE_CODES = ['eml/not-a-message', 'eml/too-many-parts', 'eml/too-deep', 'eml/header-too-large', 'eml/mime-malformed', 'eml/rule-crashed'] as const;

/** `bytes`: a whole message as saved (`.eml`, RFC 5322). */
export async function validateEmlBytes(bytes: Buffer, limits: EmlLimits = EML_LIMITS): Promise<ArtefactResult> {
  const split = await splitMessage(bytes, limits);
  if (split.status === 'refused') return { findings: [split.finding], identities: [] };
  const facts = await buildFacts(split.parts);
  const findings: ArtefactFinding[] = [
    ...facts.xdm.flatMap(({ attachment, outcome }) => outcome.result.findings.map((finding) => attachmentFinding(finding, attachment.label))),
    ...runRules(facts),
  ];
  const nilField = facts.fields('x-mss-nil')[0];
  const nilText = nilField ? facts.text(nilField) : undefined;
  const nil = nilText?.ok ? nilText.text.trim() : undefined;
  return {
    findings,
    identities: facts.identities,
    documents: facts.documents,
    message: { attachments: facts.attachments.length, xdmArchives: facts.xdm.length, ...(nil ? { nil } : {}) },
  };
}

function runRules(facts: EmlFacts): ArtefactFinding[] {
  const findings: ArtefactFinding[] = [];
  for (const rule of EML_RULES) {
    try {
      appendAll(findings, rule.check(facts));
    } catch (error) {
      findings.push({ rule: 'eml/rule-crashed', severity: 'error', args: { rule: rule.code, detail: error instanceof Error ? error.message : String(error) } });
    }
  }
  return findings;
}
