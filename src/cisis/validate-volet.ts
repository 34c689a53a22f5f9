// The CDA validator's entry to CI-SIS content rules: choose the document's volet from the header
// the native rules read, run that volet's pack on the document's text, say which pack ran.
// Loaded only when `--cisis` is given (it brings fontoxpath and slimdom).
import type { CdaDocument } from '../artefacts/cda/document.js';
import type { ArtefactFinding } from '../artefacts/types.js';
import type { Pack } from './pack.js';
import { preparePack, runPack, type PreparedPack } from './run/run-pack.js';
import { headerFacts } from './select/header-facts.js';
import { selectVolet } from './select/select-volet.js';
import { loadPack, readIndex, type PackIndex } from './store/pack-cache.js';

/** What pool workers receive (serialisable): the compiled packs' folder and a forced volet. */
export interface CisisOptions {
  packDir: string;
  volet?: string;
}

const indexes = new Map<string, PackIndex | undefined>();
const prepared = new Map<Pack, PreparedPack>();

/** Findings of the volet rules on one CDA document (`text`: the whole document, decoded). */
export function validateVolet(document: CdaDocument, text: string, options: CisisOptions): ArtefactFinding[] {
  const choice = selectVolet(headerFacts(document), options.volet);
  if (choice.volet === undefined) return [{ rule: choice.reason === 'level1' ? 'cisis/no-volet-level1' : 'cisis/no-volet', severity: 'info', args: {} }];
  if (!indexes.has(options.packDir)) indexes.set(options.packDir, readIndex(options.packDir));
  const summary = indexes.get(options.packDir)?.volets.find((volet) => volet.volet === choice.volet);
  if (!summary) return [{ rule: 'cisis/volet-unavailable', severity: 'warning', args: { volet: choice.volet } }];
  const pack = loadPack(options.packDir, summary.file);
  let ready = prepared.get(pack);
  if (!ready) prepared.set(pack, (ready = preparePack(pack)));
  const findings: ArtefactFinding[] = [
    choice.reason === 'forced'
      ? { rule: 'cisis/volet-forced', severity: 'info', args: { volet: choice.volet } }
      : { rule: 'cisis/volet', severity: 'info', args: { volet: choice.volet, templateId: choice.templateId, extension: choice.extension ?? '—' } },
  ];
  if (summary.diagnostics.error > 0) findings.push({ rule: 'cisis/volet-incomplete', severity: 'warning', args: { volet: choice.volet, errors: summary.diagnostics.error } });
  findings.push(...runPack(ready, text).findings);
  return findings;
}
