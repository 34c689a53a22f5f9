// A compiled CI-SIS rule pack (`segur-cisis-pack/2`): one ANS volet schematron, includes resolved,
// abstract patterns instantiated, phase applied, value sets (JDV) embedded. Written as JSON in the
// user's cache (store/pack-cache.ts), validated with zod when read back: a stale or hand-edited
// file is recompiled, never trusted.
import { z } from 'zod';

export const PACK_FORMAT = 'segur-cisis-pack/2';

export const DIAGNOSTIC_SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * Something the compiler met and could not take as written: an upstream defect of ANS's files or a
 * construct it does not translate. `code` is a message key (src/messages/fr/cisis.ts); `file` is
 * relative to the TestContenuCDA tree, `rule` names the rule context or pattern concerned.
 */
export const DiagnosticSchema = z.strictObject({
  code: z.string(),
  severity: z.enum(DIAGNOSTIC_SEVERITIES),
  file: z.string(),
  line: z.number().int().optional(),
  pattern: z.string().optional(),
  rule: z.string().optional(),
  args: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type CompileDiagnostic = z.infer<typeof DiagnosticSchema>;

/** A `let`: its name and XPath expression. */
export const LetSchema = z.strictObject({ name: z.string(), value: z.string() });
export type PackLet = z.infer<typeof LetSchema>;

/** Message content: literal text, `value-of select`, or `name path` (name() of a node, default the context). */
export const MessagePartSchema = z.union([
  z.string(),
  z.strictObject({ select: z.string() }),
  z.strictObject({ nameOf: z.string() }),
]);
export type MessagePart = z.infer<typeof MessagePartSchema>;

export const CheckSchema = z.strictObject({
  kind: z.enum(['assert', 'report']),
  id: z.string().optional(),
  role: z.string().optional(),
  test: z.string(),
  message: z.array(MessagePartSchema),
  file: z.string(),
  line: z.number().int(),
});
export type PackCheck = z.infer<typeof CheckSchema>;

/**
 * How a rule context (an XSLT match pattern) is matched. `names`: local names the matched element
 * can have (null: any element — a `*` last step); `self`: a boolean XPath evaluated on the
 * candidate element (the pattern read from the element upwards); `select`: when the pattern cannot
 * be read upwards (positional predicates), an XPath selecting the matched nodes from the root.
 */
/**
 * A necessary condition checked in JavaScript before the XPath test (most candidates fail it):
 * `levels[0]` constrains the element, `levels[1]` its parent, and so on up a chain of `/` steps;
 * `name` is a local name (null: any), each fact an attribute value required on the element
 * (`child` absent) or on one of its children of that local name.
 */
export const PrefilterSchema = z.strictObject({
  levels: z.array(
    z.strictObject({
      name: z.string().nullable(),
      facts: z.array(z.strictObject({ child: z.string().optional(), attribute: z.string(), value: z.string() })),
    }),
  ),
});
export type PackPrefilter = z.infer<typeof PrefilterSchema>;

export const MatchSchema = z.strictObject({
  names: z.array(z.string()).nullable(),
  prefilter: PrefilterSchema.optional(),
  self: z.string().optional(),
  select: z.string().optional(),
});
export type PackMatch = z.infer<typeof MatchSchema>;

export const RuleSchema = z.strictObject({
  context: z.string(),
  match: MatchSchema,
  lets: z.array(LetSchema),
  checks: z.array(CheckSchema),
  file: z.string(),
  line: z.number().int(),
});
export type PackRule = z.infer<typeof RuleSchema>;

export const PatternSchema = z.strictObject({
  id: z.string(),
  file: z.string(),
  rules: z.array(RuleSchema),
});
export type PackPattern = z.infer<typeof PatternSchema>;

/** A value set read from `jeuxDeValeurs/`: concepts as [code, codeSystem, displayName]. */
export const ValueSetSchema = z.union([
  z.strictObject({ file: z.string(), concepts: z.array(z.tuple([z.string(), z.string(), z.string()])) }),
  z.strictObject({ file: z.string(), missing: z.literal(true) }),
]);
export type PackValueSet = z.infer<typeof ValueSetSchema>;

export const PackSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  /** Volet name from the file name: `CI-SIS_BIO-CR-BIO_2024.01.sch` → `BIO-CR-BIO_2024.01`. */
  volet: z.string(),
  source: z.string(),
  title: z.string(),
  phase: z.string().nullable(),
  namespaces: z.record(z.string(), z.string()),
  globals: z.array(LetSchema),
  patterns: z.array(PatternSchema),
  /** By path as the schematron writes it, resolved against its folder (`jeuxDeValeurs/JDV_X.xml`). */
  valueSets: z.record(z.string(), ValueSetSchema),
  /** Other files read with document()/doc() (structuration minimale's vocabularies), by href as written. */
  documents: z.record(z.string(), z.strictObject({ file: z.string(), text: z.string() })),
  diagnostics: z.array(DiagnosticSchema),
});
export type Pack = z.infer<typeof PackSchema>;
