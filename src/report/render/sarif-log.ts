// SARIF 2.1.0 (OASIS) as GitHub code scanning reads it, for any list of findings (`check`'s report,
// `validate`'s files): one reportingDescriptor per finding code, one result per finding. Locations
// are repository-relative (`%SRCROOT%`, render/repository-path.ts); a region only when the line is
// known, a column only when it is ≥ 1 (GitHub rejects a run with `startColumn` 0).
import type { Severity } from '../../engine/finding.js';
import type { Lang } from '../../messages/index.js';
import type { ReportFinding } from '../model.js';
import { jsonText } from './escape.js';
import { ruleDescription } from './rule-description.js';
import { sarifArtifactLocation, type RepositoryPath } from './repository-path.js';

const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifInput {
  version: string;
  lang: Lang;
  findings: readonly ReportFinding[];
  /** Where a finding's file is, from the repository root. */
  locate: (finding: ReportFinding) => RepositoryPath;
  properties: Record<string, unknown>;
}

export function sarifLog(input: SarifInput): string {
  const codes = [...new Set(input.findings.map((finding) => finding.rule))].sort();
  const ruleIndex = new Map(codes.map((code, index) => [code, index]));
  const severityOf = new Map(input.findings.map((finding) => [finding.rule, finding.severity]));
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'segur',
            version: input.version,
            rules: codes.map((code) => ({
              id: code,
              shortDescription: { text: ruleDescription(code, input.lang) },
              defaultConfiguration: { level: LEVELS[severityOf.get(code)!] },
            })),
          },
        },
        results: input.findings.map((finding) => result(finding, ruleIndex.get(finding.rule)!, input.locate(finding))),
        properties: input.properties,
      },
    ],
  };
  return jsonText(log);
}

function result(finding: ReportFinding, ruleIndex: number, location: RepositoryPath): object {
  const line = finding.line !== undefined && finding.line >= 1 ? finding.line : undefined;
  const column = line !== undefined && finding.column !== undefined && finding.column >= 1 ? finding.column : undefined;
  const region = line === undefined ? undefined : { startLine: line, ...(column === undefined ? {} : { startColumn: column }) };
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
          artifactLocation: sarifArtifactLocation(location),
          ...(region === undefined ? {} : { region }),
        },
      },
    ],
    ...(Object.keys(properties).length === 0 ? {} : { properties }),
  };
}
