// Shared shape of the rules that judge one attached file at a time (presence, safety, integrity,
// type): each one says which files it flags and with which message arguments.
import type { MessageArgs } from '../messages/index.js';
import type { AttachedFile } from '../bundle/model.js';
import type { RequirementRule, RuleFinding, RuleMeta } from './rule.js';

export function fileRule(meta: RuleMeta, flag: (file: AttachedFile) => MessageArgs | undefined): RequirementRule {
  return {
    ...meta,
    scope: 'requirement',
    check(context) {
      const findings: RuleFinding[] = [];
      for (const { proof, files } of context.proofs) {
        for (const file of files) {
          const args = flag(file);
          if (args) findings.push({ proof: proof.id, file: file.ref.path, args: { path: file.ref.path, ...args } });
        }
      }
      return findings;
    },
  };
}
