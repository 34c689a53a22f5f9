// A Gazelle EVS validation report, current or legacy format (artefact-rules.md section 4), reduced
// to what the checks and the engine need: result, validator, counters, failed constraints and the
// validated document when the report names or embeds it.
import type { ValidatedDocumentRef } from '../types.js';
import { attr, descendantsNamed, firstChild, type XmlNode } from '../xml/node.js';
import { instanceId } from '../cda/document-facts.js';
import { embeddedDocument } from './embedded-document.js';
import { HL7_V3_NAMESPACE } from '../cda/read-cda.js';
import { definedOnly } from '../defined-only.js';

export const EVS_NAMESPACE = 'http://validationreport.gazelle.ihe.net/';

export interface FailedConstraint {
  description: string;
  location: string | undefined;
}

export interface EvsReport {
  format: 'gazelle' | 'legacy';
  /** As written, upper-cased (PASSED, FAILED, UNDEFINED; legacy also ABORTED). */
  result: string | undefined;
  validator: string | undefined;
  /** The validator's version as the report states it (`validationServiceVersion`, `validatorVersion`). */
  validatorVersion: string | undefined;
  errors: number | undefined;
  failedConstraints: FailedConstraint[];
  validatedDocument: ValidatedDocumentRef | undefined;
}

export type EvsParse = { status: 'report'; report: EvsReport } | { status: 'unknown-format'; root: string };

/** `root` read with its own namespace as home (xml/read-xml.ts ROOT_NAMESPACE). */
export function parseEvsReport(root: XmlNode): EvsParse {
  if (root.name === 'validationReport' && root.namespace === EVS_NAMESPACE) return { status: 'report', report: gazelleReport(root) };
  if (root.name === 'detailedResult') return { status: 'report', report: legacyReport(root) };
  return { status: 'unknown-format', root: root.name };
}

function gazelleReport(root: XmlNode): EvsReport {
  const overview = firstChild(root, 'validationOverview');
  const constraints = descendantsNamed(root, 'constraint');
  const failed = constraints.filter((constraint) => upper(attr(constraint, 'testResult')) === 'FAILED' && upper(attr(constraint, 'severity')) === 'ERROR');
  const declaredErrors = attr(firstChild(root, 'counters'), 'numberOfErrors');
  return {
    format: 'gazelle',
    result: upper(attr(root, 'result')),
    validator: validatorName(field(overview, 'validationServiceName'), field(overview, 'validatorID')),
    validatorVersion: field(overview, 'validationServiceVersion') ?? field(overview, 'validatorVersion'),
    errors: declaredErrors !== undefined && /^\d+$/.test(declaredErrors) ? Number(declaredErrors) : failed.length,
    failedConstraints: failed.map((constraint) => ({
      description: firstChild(constraint, 'constraintDescription')?.text ?? attr(constraint, 'constraintID') ?? '',
      location: firstChild(constraint, 'locationInValidatedObject')?.text || undefined,
    })),
    validatedDocument: validatedDocument(root),
  };
}

function legacyReport(root: XmlNode): EvsReport {
  const overview = firstChild(root, 'ValidationResultsOverview');
  const errors = descendantsNamed(root, 'Error');
  return {
    format: 'legacy',
    result: upper(firstChild(overview, 'ValidationTestResult')?.text),
    validator: validatorName(firstChild(overview, 'ValidationServiceName')?.text, undefined),
    validatorVersion: firstChild(overview, 'ValidationServiceVersion')?.text.trim() || undefined,
    errors: errors.length,
    failedConstraints: errors.map((error) => ({
      description: firstChild(error, 'Description')?.text ?? firstChild(error, 'Test')?.text ?? '',
      location: firstChild(error, 'Location')?.text || undefined,
    })),
    validatedDocument: validatedDocument(root),
  };
}

/**
 * The validated file's name (`originalFileName`, `fileName`), the document the report embeds as
 * base64 (`validationItem/@content`: its SHA-256, and its id, setId and title when it is a CDA),
 * or an inline ClinicalDocument's id, setId and title.
 */
function validatedDocument(root: XmlNode): ValidatedDocumentRef | undefined {
  let fileName: string | undefined;
  const visit = (node: XmlNode): void => {
    if (fileName) return;
    const named = node.attrs.originalFileName ?? node.attrs.fileName ?? (/^(originalFileName|fileName|ValidatedFileName)$/.test(node.name) ? node.text : undefined);
    if (named) fileName = named;
    node.children.forEach(visit);
  };
  visit(root);
  const embedded = embeddedDocument(root);
  // The report is read with its own namespace as home: an inline CDA's elements are HL7 v3 names.
  const hl7 = (local: string) => `{${HL7_V3_NAMESPACE}}${local}`;
  const inline = descendantsNamed(root, hl7('ClinicalDocument'))[0];
  const named: ValidatedDocumentRef = definedOnly({
    fileName,
    documentId: embedded?.id ?? instanceId(firstChild(inline, hl7('id'))),
    setId: embedded?.setId ?? instanceId(firstChild(inline, hl7('setId'))),
    title: embedded?.title ?? (firstChild(inline, hl7('title'))?.text.trim() || undefined),
    sha256: embedded?.sha256,
    textSha256: embedded?.textSha256,
  });
  return Object.keys(named).length > 0 ? named : undefined;
}

/** Newer reports use attributes, some versions child elements: both are read. */
function field(node: XmlNode | undefined, name: string): string | undefined {
  return attr(node, name) ?? (firstChild(node, name)?.text || undefined);
}

function validatorName(service: string | undefined, id: string | undefined): string | undefined {
  if (service && id) return `${service} (${id})`;
  return service ?? id;
}

function upper(value: string | undefined): string | undefined {
  return value?.trim().toUpperCase() || undefined;
}
