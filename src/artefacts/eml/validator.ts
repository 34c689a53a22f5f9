// MSSanté message validator (artefact-rules.md §5): the message is split into its MIME parts with
// the limits of limits.ts checked before any body is decoded (split-message.ts); then each part is
// decoded (transfer encoding, charsets: strictly), each attached IHE XDM archive validated as in §3
// (its findings, CDA identities and documents located under the attachment's name), and every rule
// of rules/ run (a rule that throws costs one finding, never the message's other checks).
import type { ArtefactFinding, ArtefactInput, ArtefactResult, ArtefactValidator } from '../types.js';
import { attachmentFinding, buildFacts, type EmlFacts, type XdmAttachment } from './facts.js';
import { EML_LIMITS, EML_MAX_FILE_BYTES, EML_XDM_LIMITS, type EmlLimits, type EmlXdmLimits } from './limits.js';
import { EML_RULES } from './rules/index.js';
import { splitMessage } from './split-message.js';
import { messageBytesOf } from './saved-as-text.js';
import { appendAll } from '../../util/append.js';

export const emlValidator: ArtefactValidator = {
  kind: 'eml',
  maxBytes: EML_MAX_FILE_BYTES,
  validate: (bytes, input) => validateEmlBytes(bytes, EML_LIMITS, EML_XDM_LIMITS, input.cisis),
};

/** Findings decided before the rules: the message could not be read (further). */
export const EML_STRUCTURE_CODES = ['eml/saved-as-text', 'eml/not-a-message', 'eml/too-many-parts', 'eml/too-deep', 'eml/header-too-large', 'eml/mime-malformed', 'eml/rule-crashed', 'eml/xdm-budget'] as const;

const MB = 1024 * 1024;

/** `file`: a whole message as saved (`.eml`, RFC 5322; re-saved by a text editor: saved-as-text.ts); `xdmLimits`: what its attached archives may cost. */
export async function validateEmlBytes(file: Buffer, limits: EmlLimits = EML_LIMITS, xdmLimits: EmlXdmLimits = EML_XDM_LIMITS, cisis?: ArtefactInput['cisis']): Promise<ArtefactResult> {
  const { bytes, finding: resaved } = messageBytesOf(file);
  const split = await splitMessage(bytes, limits);
  if (split.status === 'refused') return { findings: [...(resaved ? [resaved] : []), split.finding], identities: [] };
  const facts = await buildFacts(split.parts, bytes.length, xdmLimits, cisis);
  // The message's budget is named once, in the archive where it ran out: it says the later ones are unread.
  const stopped = facts.xdm.find((archive) => archive.outcome.sharedBudgetSpentAt !== undefined);
  const findings: ArtefactFinding[] = [...(resaved ? [resaved] : []), ...facts.xdm.flatMap((archive) => archiveFindings(archive, archive === stopped, facts, bytes.length)), ...runRules(facts)];
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

/** An attached archive's findings located under its name, then (`stopped`) where the message's budget ran out. */
function archiveFindings({ attachment, outcome }: XdmAttachment, stopped: boolean, facts: EmlFacts, messageBytes: number): ArtefactFinding[] {
  const findings = outcome.result.findings.map((finding) => attachmentFinding(finding, attachment.label));
  const entry = outcome.sharedBudgetSpentAt;
  if (stopped && entry !== undefined) {
    const args = { entry, budgetMb: Math.ceil(facts.xdmBudgetBytes / MB), messageKb: Math.ceil(messageBytes / 1024) };
    findings.push(attachmentFinding({ rule: 'eml/xdm-budget', severity: 'error', args, location: entry }, attachment.label));
  }
  return findings;
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
