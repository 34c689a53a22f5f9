// The part of the SARIF 2.1.0 schema (OASIS, sarif-schema-2.1.0.json) that segur emits, as strict zod
// objects: required properties, enumerations and minimums as the specification states them, and no
// property the specification does not define (a misspelled key fails).
import { z } from 'zod';

const message = z.strictObject({ text: z.string().min(1) });
const level = z.enum(['none', 'note', 'warning', 'error']);
const artifactLocation = z.strictObject({ uri: z.string().min(1), uriBaseId: z.string().min(1).optional() });
const region = z.strictObject({ startLine: z.int().min(1), startColumn: z.int().min(1).optional() });
const propertyBag = z.record(z.string(), z.unknown());

const reportingDescriptor = z.strictObject({
  id: z.string().min(1),
  shortDescription: message.optional(),
  fullDescription: message.optional(),
  defaultConfiguration: z.strictObject({ level }).optional(),
});

const result = z.strictObject({
  ruleId: z.string().min(1),
  ruleIndex: z.int().min(-1),
  level,
  message,
  locations: z
    .array(z.strictObject({ physicalLocation: z.strictObject({ artifactLocation, region: region.optional() }) }))
    .min(1),
  properties: propertyBag.optional(),
});

export const sarifLogSchema = z.strictObject({
  $schema: z.url(),
  version: z.literal('2.1.0'),
  runs: z.array(
    z.strictObject({
      tool: z.strictObject({
        driver: z.strictObject({ name: z.string().min(1), version: z.string().optional(), rules: z.array(reportingDescriptor) }),
      }),
      originalUriBaseIds: z.record(z.string(), artifactLocation.refine((location) => location.uri.endsWith('/'), 'a base URI ends with "/"')).optional(),
      results: z.array(result),
      properties: propertyBag.optional(),
    }),
  ),
});
