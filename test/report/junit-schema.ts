// The JUnit XML structure CI tools read (the common junit-10.xsd of Jenkins/Ant, which GitLab follows),
// applied to the output parsed with fast-xml-parser (attributes without prefix, text as `#text`).
import { z } from 'zod';

const count = z.string().regex(/^\d+$/);
const failure = z.strictObject({ type: z.string().min(1), message: z.string().min(1), '#text': z.string().optional() });

const testCase = z.strictObject({
  name: z.string().min(1),
  classname: z.string(),
  failure: failure.optional(),
  skipped: z.strictObject({ message: z.string().min(1) }).optional(),
  'system-out': z.string().optional(),
});

const testSuite = z.strictObject({
  name: z.string().min(1),
  tests: count,
  failures: count,
  errors: count,
  skipped: count,
  properties: z.strictObject({ property: z.array(z.strictObject({ name: z.string().min(1), value: z.string() })) }),
  testcase: z.array(testCase),
});

export const junitSchema = z.strictObject({
  '?xml': z.strictObject({ version: z.literal('1.0'), encoding: z.literal('UTF-8') }),
  testsuites: z.strictObject({ name: z.string(), tests: count, failures: count, errors: count, skipped: count, testsuite: testSuite }),
});
