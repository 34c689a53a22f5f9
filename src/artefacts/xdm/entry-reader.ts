// Reads the entries of one opened IHE_XDM.ZIP for the validator. Work is bounded by the bytes
// present, not by the sizes entries declare: every entry read is charged its declared size to the
// archive's inflation budget (proportional to the archive's bytes, open-archive.ts) and, for an
// archive attached to a message, to the message's (eml/limits.ts), before a byte is inflated. The
// first entry refused stops all reading of the archive: one finding says where. Each entry is
// inflated once for its facts (name, SHA-1, length: what the entry rules compare), and its bytes are
// held only while a check needs them: METADATA.XML while it is read, a CDA while the CDA validator
// runs (its result is kept, once per entry); any other document is hashed as it inflates.
import { createHash } from 'node:crypto';
import type { ArtefactFinding, ArtefactResult } from '../types.js';
import { validateCda } from '../cda/validator.js';
import { ByteBudget, digestZipEntry, readZipEntry, type EntryReadProblem, type InflationBudget, type OpenedZip, type ZipEntryRef } from '../../io/zip-directory.js';
import { cdaFacts, type CdaFacts } from './cda-facts.js';
import type { XdmFile } from './rules/rule.js';
import { zipDetailArgs } from './open-archive.js';
import { appendAll } from '../../util/append.js';
import type { ArtefactInput } from '../types.js';

/** What --cisis asks for (types.ts ArtefactInput.cisis). */
type CisisOptions = NonNullable<ArtefactInput['cisis']>;

export interface ValidatedCda {
  file: XdmFile;
  result: ArtefactResult;
  facts: CdaFacts | undefined;
  /** False when an earlier document entry named the same file (its findings are already counted). */
  first: boolean;
}

/** The budgets one archive's reads are charged to. */
export interface ArchiveBudgets {
  /** The archive's own, `limit` bytes. */
  own: ByteBudget;
  /** The archive's length in bytes (named in the finding). */
  archiveBytes: number;
  /** The message's, shared by all its archives; its refusal is the caller's to report (`sharedSpentAt`). */
  shared?: ByteBudget;
}

const MB = 1024 * 1024;

/** Reads entries on demand; a failure is one finding (once per entry) and `undefined`. */
export class EntryReader {
  private readonly files = new Map<string, XdmFile>();
  private readonly cdas = new Map<string, Omit<ValidatedCda, 'first'>>();
  private readonly failed = new Set<string>();
  private readonly budget: InflationBudget;
  private refusedBy: 'own' | 'shared' | undefined;
  private refusalReported = false;
  /** The entry at which the shared (message) budget refused this archive's reads, if it did. */
  sharedSpentAt: string | undefined;

  constructor(
    private readonly archive: OpenedZip,
    private readonly findings: ArtefactFinding[],
    private readonly budgets: ArchiveBudgets,
    /** CI-SIS volet rules (--cisis) run on each CDA read, as on a CDA given alone. */
    private readonly cisis?: CisisOptions,
  ) {
    this.budget = { take: (bytes) => this.take(bytes) };
  }

  /** The archive name for `wanted`, exact or differing only in case (archives made on FAT disks). */
  find(wanted: string): string | undefined {
    return this.archive.find(wanted)?.name;
  }

  /** The whole entry, for a check that parses it (METADATA.XML); not kept. */
  async bytes(name: string): Promise<Buffer | undefined> {
    if (this.failed.has(name)) return undefined;
    const read = await readZipEntry(this.archive.zip, this.ref(name), { budget: this.budget });
    if (!read.ok) return this.fail(name, read.problem);
    this.files.set(name, { name, size: read.bytes.length, sha1: createHash('sha1').update(read.bytes).digest('hex') });
    return read.bytes;
  }

  /** Name, SHA-1 and length of an entry, hashed as it inflates, at most once. */
  async file(name: string): Promise<XdmFile | undefined> {
    const known = this.files.get(name);
    if (known || this.failed.has(name)) return known;
    const digest = await digestZipEntry(this.archive.zip, this.ref(name), 'sha1', { budget: this.budget });
    if (!digest.ok) return this.fail(name, digest.problem);
    const file = { name, size: digest.size, sha1: digest.digest };
    this.files.set(name, file);
    return file;
  }

  /** The CDA validator's result for entry `name` (and the entry's facts), computed once per entry. */
  async validatedCda(name: string): Promise<ValidatedCda | undefined> {
    const known = this.cdas.get(name);
    if (known) return { ...known, first: false };
    const bytes = await this.bytes(name);
    if (!bytes) return undefined;
    const { result, document } = validateCda(bytes);
    if (this.cisis && document) {
      const { voletFindings } = await import('../../cisis/validate-volet.js');
      appendAll(result.findings, voletFindings(document, bytes, this.cisis));
    }
    const validated = { file: this.files.get(name)!, result, facts: document ? cdaFacts(document.root) : undefined };
    this.cdas.set(name, validated);
    return { ...validated, first: true };
  }

  private ref(name: string): ZipEntryRef {
    return this.archive.entries.get(name) as ZipEntryRef;
  }

  /** Both budgets must grant `bytes`; the first refusal closes the archive to further reads. */
  private take(bytes: number): boolean {
    if (this.refusedBy) return false;
    const { own, shared } = this.budgets;
    if (!own.fits(bytes)) this.refusedBy = 'own';
    else if (shared && !shared.take(bytes)) this.refusedBy = 'shared';
    else return own.take(bytes);
    return false;
  }

  private fail(name: string, problem: EntryReadProblem | { kind: 'over-budget'; size: number }): undefined {
    this.failed.add(name);
    const finding = (rule: string, args: ArtefactFinding['args']): ArtefactFinding => ({ rule, severity: 'error', args: { entry: name, ...args }, location: name });
    switch (problem.kind) {
      case 'over-budget':
        // Said once, at the first entry refused: nothing is read after it.
        if (this.refusalReported) break;
        this.refusalReported = true;
        if (this.refusedBy === 'shared') this.sharedSpentAt = name;
        else this.findings.push(finding('xdm/inflation-budget', { budgetMb: Math.ceil(this.budgets.own.limit / MB), archiveKb: Math.ceil(this.budgets.archiveBytes / 1024) }));
        break;
      case 'encrypted':
        this.findings.push(finding('xdm/encrypted', {}));
        break;
      case 'crc-mismatch':
        this.findings.push(finding('xdm/crc-mismatch', {}));
        break;
      case 'name-mismatch':
        this.findings.push(finding('xdm/local-name-mismatch', { localName: problem.localName }));
        break;
      case 'unreadable':
        this.findings.push(finding('xdm/entry-unreadable', zipDetailArgs(problem.detail)));
        break;
    }
    return undefined;
  }
}
