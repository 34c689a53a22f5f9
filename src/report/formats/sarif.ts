// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it: one reportingDescriptor per finding code,
// one result per finding. Locations are bundle-relative URIs under the `BUNDLE_ROOT` base, which
// `originalUriBaseIds` ties to the bundle folder (relative to the source root when the bundle path is
// relative). A finding without a file points at the manifest, segur.yaml, since GitHub wants a location.
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ReportContext, ReportFinding } from '../model.js';
import type { Severity } from '../../engine/finding.js';
import { ruleDescription } from '../render/rule-description.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const BUNDLE_BASE = 'BUNDLE_ROOT';
const MANIFEST = 'segur.yaml';
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export function render(context: ReportContext): string {
  const { report } = context;
  const codes = [...new Set(report.findings.map((finding) => finding.rule))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const severityOf = new Map(report.findings.map((finding) => [finding.rule, finding.severity]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'segur',
            version: report.tool.version,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: ruleDescription(code, context.lang) },
              defaultConfiguration: { level: LEVELS[severityOf.get(code)!] },
            })),
          },
        },
        originalUriBaseIds: { [BUNDLE_BASE]: bundleBase(context.bundleRoot) },
        results: report.findings.map((finding) => result(finding, ruleIndex.get(finding.rule)!)),
        properties: { catalog: report.catalog.id, profiles: report.bundle.profiles, gate: report.verdict },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function result(finding: ReportFinding, ruleIndex: number): object {
  const region = finding.line === undefined ? undefined : { startLine: finding.line, ...(finding.column === undefined ? {} : { startColumn: finding.column }) };
  const properties = {
    ...(finding.requirement === undefined ? {} : { requirement: finding.requirement }),
    ...(finding.proof === undefined ? {} : { proof: finding.proof }),
    ...(finding.location === undefined ? {} : { location: finding.location }),
  };
  return {
    ruleId: finding.rule,
    ruleIndex,
    level: LEVELS[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: relativeUri(finding.file ?? MANIFEST), uriBaseId: BUNDLE_BASE },
          ...(region === undefined ? {} : { region }),
        },
      },
    ],
    ...(Object.keys(properties).length === 0 ? {} : { properties }),
  };
}

/** A relative URI reference: each POSIX path segment percent-encoded (RFC 3986 sub-delims, ":" and "@" stay). */
function relativeUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/%(21|24|26|27|28|29|2A|2B|2C|3B|3D|3A|40)/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    .join('/');
}

/** SARIF wants base URIs to end with "/"; a relative one is resolved against the source root. */
function bundleBase(bundleRoot: string): { uri: string; uriBaseId?: string } {
  if (isAbsolute(bundleRoot)) {
    const href = pathToFileURL(bundleRoot).href;
    return { uri: href.endsWith('/') ? href : `${href}/` };
  }
  const trimmed = bundleRoot.replace(/\\/g, '/').replace(/^\.\/?/, '').replace(/\/+$/, '');
  return { uri: trimmed === '' ? './' : `${relativeUri(trimmed)}/`, uriBaseId: '%SRCROOT%' };
}
