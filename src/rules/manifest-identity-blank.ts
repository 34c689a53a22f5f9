import { manifestPlace, hasText, type BundleRule, type RuleFinding } from './rule.js';

/** The fields naming who deposits what: `segur init` writes them empty, for the editor to fill in. */
const FIELDS = [
  ['editor', 'name'],
  ['software', 'name'],
  ['software', 'version'],
] as const;

export const manifestIdentityBlank: BundleRule = {
  scope: 'bundle',
  code: 'manifest/identity-blank',
  severity: 'warning',
  description: 'editor.name, software.name or software.version is empty or absent: the reports and the DSR checklist would not say whose software was checked.',
  check(context) {
    const findings: RuleFinding[] = [];
    for (const [block, key] of FIELDS) {
      const value = (context.manifest[block] as Record<string, string | undefined> | undefined)?.[key];
      if (hasText(value)) continue;
      const place = manifestPlace(context, context.manifest[block] ? [block, key] : [block]);
      findings.push({ args: { field: `${block}.${key}` }, ...place });
    }
    return findings;
  },
};
