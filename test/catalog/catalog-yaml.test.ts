// The catalog YAML emitter must read back (with the yaml library) to exactly the model it wrote.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { catalogToYaml } from '../../src/catalog/catalog-yaml.js';
import type { Catalog } from '../../src/catalog/schema.js';

function catalogWith(texts: string[]): Catalog {
  return {
    schema: 'segur-catalog/1',
    id: 'T',
    title: 'Titre : test',
    source: { file: 'a\nb.xlsx', sheet: 'Exigences', sha256: '0'.repeat(64) },
    requirements: texts.map((text, index) => ({
      id: `R.${index}`,
      chapter: text,
      function: '',
      statement: text,
      nature: 'EXIGENCE',
      conditional: index % 3 === 0 ? null : index % 3 === 1,
      profiles: index % 2 === 0 ? [] : [text, 'Général'],
      scenarios: [{ id: `${text}.01`, text, proofs: [{ id: text, text }] }],
    })),
  };
}

const TRICKY = [
  'Gestion de l\'INS', 'P1 : text', 'fin :', 'a #b', '#commentaire', '- tiret', '? question', '[liste]', '{objet}', '*ancre', '&ref', '!tag',
  '|bloc', '>plié', "'simple'", '"double"', '%directive', '@arobase', '`accent`', 'true', 'False', 'yes', 'NO', 'on', 'null', '~', '<<',
  '24706', '12.5', '-3', '+4', '.5', '.inf', '.NaN', '2024-03-01', '1e3', '0x1F', ' espace devant', 'espace derrière ', 'tab\tulation',
  'ligne 1\nligne 2', 'ligne 1\n  indentée', '\nligne vide devant', 'ligne vide derrière\n', 'ligne 1\n\nligne 3', 'fin espace \nsuite',
  'a\r\nb', 'contrôle \u0007', 'sépar\u2028ateur', '\ufeffbom', 'émoji 😀 et « guillemets »', '', ' ', 'a: b\n- c', 'x\n#y',
];

describe('catalogToYaml', () => {
  it('round-trips tricky strings exactly', () => {
    const catalog = catalogWith(TRICKY);
    expect(parse(catalogToYaml(catalog))).toEqual(catalog);
  });

  it('round-trips pseudo-random strings exactly', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'aé :#-\n\t"\'\\{}[]|>&*!%@`?,.0123456789 ~«»\u00a0';
    const texts = Array.from({ length: 300 }, () => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    const catalog = catalogWith(texts);
    expect(parse(catalogToYaml(catalog))).toEqual(catalog);
  });

  it('keeps readable text plain and multi-line text as block literals', () => {
    const yaml = catalogToYaml(catalogWith(["Gestion de l'INS", 'ligne 1\n- puce']));
    expect(yaml).toContain("    chapter: Gestion de l'INS\n");
    expect(yaml).toContain('    statement: |-\n      ligne 1\n      - puce\n');
    expect(yaml).toContain('    profiles: []\n');
    expect(yaml.startsWith('# Catalogue REM importé par segur depuis a b.xlsx (feuille « Exigences »).\n')).toBe(true);
  });
});
