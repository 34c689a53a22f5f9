import { CI_SIS_TEMPLATE, HL7_FRANCE_TEMPLATE } from './template-ids.js';
import { ABSENT, RuleReport, type CdaRule } from './rule.js';

export const XDS_SD_TEMPLATE = '1.3.6.1.4.1.19376.1.2.20';
const LEVEL1_TEMPLATES = new Set([HL7_FRANCE_TEMPLATE, CI_SIS_TEMPLATE, XDS_SD_TEMPLATE]);

export const level1BodyRule: CdaRule = {
  code: 'cda/level1-body',
  severity: 'error',
  description:
    'Corps : structuredBody (niveau 3) ou nonXMLBody (niveau 1) ; le niveau 1 déclare IHE XDS-SD, porte un PDF en base64 (representation="B64", mediaType).',
  check({ root, body, bodyCut }) {
    const report = new RuleReport(this);
    const component = root.children.find((child) => child.name === 'component');
    if (body.kind === 'none') {
      if (component && !bodyCut) report.add(component, 'structuredBody | nonXMLBody', '1', '0');
      return report.findings;
    }
    if (body.kind !== 'non-xml') return report.findings;
    const templates = root.children.filter((child) => child.name === 'templateId').map((t) => t.attrs.root ?? '');
    if (!templates.includes(XDS_SD_TEMPLATE)) report.add(root, `templateId[@root='${XDS_SD_TEMPLATE}']`, '1', '0');
    const extra = templates.filter((template) => !LEVEL1_TEMPLATES.has(template));
    if (extra.length > 0) report.add(root, 'templateId', [...LEVEL1_TEMPLATES].join(' + '), extra.join(', '));
    const text = body.text;
    if (!text) {
      if (!bodyCut) report.add(body.node, 'text', '1', '0');
      return report.findings;
    }
    report.attribute(text, 'representation', (v) => v === 'B64', '"B64"');
    report.attribute(text, 'mediaType', (v) => v.length > 0, 'application/pdf');
    const payload = body.payload;
    if (payload && text.attrs.representation === 'B64') {
      if (payload.invalidCharacter !== undefined) report.add(text, 'text()', 'base64', `"${payload.invalidCharacter}"`);
      else if (payload.length === 0) report.add(text, 'text()', '%PDF-', ABSENT);
      else if (!payload.startsWithPdf && text.attrs.mediaType === 'application/pdf') report.add(text, 'text()', '%PDF-', 'non-PDF');
    }
    return report.findings;
  },
};
