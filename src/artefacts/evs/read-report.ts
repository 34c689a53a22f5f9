// A Gazelle EVS validation report, current or legacy format (artefact-rules.md section 4), reduced
// to what the checks and the engine need: result, validator, counters, failed constraints and the
// validated document when the report names or embeds it.
import type { ValidatedDocumentRef } from '../types.js';
import { attr, descend, descendantsNamed, firstChild, type XmlNode } from '../xml/node.js';
import { HL7_V3_NAMESPACE } from '../cda/read-cda.js';

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
    errors: errors.length,
    failedConstraints: errors.map((error) => ({
      description: firstChild(error, 'Description')?.text ?? firstChild(error, 'Test')?.text ?? '',
      location: firstChild(error, 'Location')?.text || undefined,
    })),
    validatedDocument: validatedDocument(root),
  };
}

/** The validated file's name (`originalFileName`, `fileName`) and an embedded ClinicalDocument's id. */
function validatedDocument(root: XmlNode): ValidatedDocumentRef | undefined {
  let fileName: string | undefined;
  const visit = (node: XmlNode): void => {
    if (fileName) return;
    const named = node.attrs.originalFileName ?? node.attrs.fileName ?? (/^(originalFileName|fileName|ValidatedFileName)$/.test(node.name) ? node.text : undefined);
    if (named) fileName = named;
    node.children.forEach(visit);
  };
  visit(root);
  const id = descend(descendantsNamed(root, `{${HL7_V3_NAMESPACE}}ClinicalDocument`)[0], `{${HL7_V3_NAMESPACE}}id`);
  const idRoot = attr(id, 'root');
  const documentId = idRoot ? (attr(id, 'extension') ? `${idRoot}^${attr(id, 'extension')}` : idRoot) : undefined;
  if (!fileName && !documentId) return undefined;
  return { ...(fileName ? { fileName } : {}), ...(documentId ? { documentId } : {}) };
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
