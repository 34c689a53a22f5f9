// Registry ↔ messages ↔ tests stay in step (ESLint's checkRuleFiles, in small): every registered
// rule has fr/en messages, coherent metadata, and its module is imported by a table test here.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';
import { catalogs } from '../../src/messages/index.js';

const rulesDir = new URL('../../src/rules/', import.meta.url);
const ruleModules = readdirSync(rulesDir, { recursive: true, encoding: 'utf8' })
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ module: name.replace(/\\/g, '/').replace(/\.ts$/, '.js'), source: readFileSync(new URL(name, rulesDir), 'utf8') }));

const testSources = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.test.ts') && name !== 'registry.test.ts')
  .map((name) => readFileSync(new URL(name, import.meta.url), 'utf8'))
  .join('\n');

describe('rule registry', () => {
  it('has unique codes', () => {
    const codes = RULES.map((rule) => rule.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it.each(RULES.map((rule) => [rule.code, rule] as const))('%s: messages, metadata, module and table test', (code, rule) => {
    expect(catalogs.fr[code], 'fr message').toBeTypeOf('string');
    expect(catalogs.en[code], 'en message').toBeTypeOf('string');
    expect(rule.description.length).toBeGreaterThan(10);
    if (rule.severity === 'error') expect(['incomplet', 'non-conforme']).toContain(rule.verdict);
    else expect(rule.verdict).toBeUndefined();
    const owners = ruleModules.filter(({ source }) => source.includes(`code: '${code}'`));
    expect(owners.map(({ module }) => module), 'one module declares the code').toHaveLength(1);
    expect(testSources, 'a table test imports the module').toContain(`/src/rules/${owners[0]!.module}'`);
  });
});
