// validate.mjs — checks the shipped maps with an independent validator (ajv, JSON Schema
// draft 2020-12, strict mode), and checks that the schema itself accepts and refuses what
// data/README.md says it should. Exit 0 when everything holds.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';

const dataDir = new URL('../../data/', import.meta.url).pathname;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const read = (p) => JSON.parse(readFileSync(p, 'utf8'));
const validateMap = ajv.compile(read(join(dataDir, 'schema/qfq-map.schema.json')));
const validateCatalogue = ajv.compile(read(join(dataDir, 'schema/qfq-catalogue.schema.json')));
let failures = 0;

function check(name, validate, doc, expected = true) {
  const ok = validate(doc);
  if (ok === expected) { console.log(`ok    ${name}`); return; }
  failures++;
  console.log(`FAIL  ${name}: expected ${expected ? 'valid' : 'invalid'}`);
  for (const e of validate.errors || []) console.log(`      ${e.instancePath || '/'} ${e.message}`);
}

// 1. Every shipped map and the catalogue.
check('data/index.json', validateCatalogue, read(join(dataDir, 'index.json')));
const maps = [];
(function walk(dir) {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    // schema/ holds the schemas, sources/ the tables scripts/gen_territories.py reads: not maps.
    if (statSync(p).isDirectory()) { if (f !== 'schema' && f !== 'sources') walk(p); }
    else if (f.endsWith('.json') && f !== 'index.json') maps.push(p);
  }
})(dataDir);
if (maps.length < 5) { failures++; console.log(`FAIL  expected at least 5 maps in data/, found ${maps.length}`); }
for (const p of maps) check(relative(join(dataDir, '..'), p), validateMap, read(p));

// 2. The guide's complete example (data/README.md, section 10) is valid.
const guide = readFileSync(join(dataDir, 'README.md'), 'utf8');
const example = guide.split('## 10.')[1].match(/```json\n([\s\S]*?)```/)[1];
check('data/README.md example', validateMap, JSON.parse(example));

// 3. The schema refuses what the format forbids and accepts what it allows.
const minimal = () => ({
  schema: 'qfq-map/1', id: 't', title: 'T', language: 'fr', licence: 'CC-BY-4.0',
  maintainers: [{ name: 'a' }], updated: '2026-11-29',
  levels: [{ id: 'n', label: 'N', colour: '#000000' }],
  actorKinds: [{ id: 'k', label: 'K', colour: '#000000' }],
  relationKinds: [{ id: 'r', label: 'R', colour: '#000000' }],
  actors: [{ id: 'a', name: 'A', level: 'n', kind: 'k', sources: [{ url: 'https://example.org/', verified: '2026-11-29' }] }],
});
const cases = [
  ['x- fields are kept', (d) => { d['x-note'] = 1; d.actors[0]['x-y'] = 2; }, true],
  ['typo in a field name', (d) => { d.actors[0].acronyme = 'A'; }, false],
  ['id with capitals', (d) => { d.actors[0].id = 'A_b'; }, false],
  ['actor without sources', (d) => { delete d.actors[0].sources; }, false],
  ['empty sources', (d) => { d.actors[0].sources = []; }, false],
  ['empty localised text', (d) => { d.actors[0].name = {}; }, false],
  ['unknown language key', (d) => { d.actors[0].name = { de: 'x' }; }, false],
  ['colour by name', (d) => { d.levels[0].colour = 'red'; }, false],
  ['French date order', (d) => { d.updated = '29/11/2026'; }, false],
  ['future schema version', (d) => { d.schema = 'qfq-map/2'; }, false],
  ['base map without levels', (d) => { delete d.levels; }, false],
  ['overlay without levels', (d) => { delete d.levels; delete d.actorKinds; delete d.relationKinds; d.extends = 'national'; }, true],
  ['override in a base map', (d) => { d.override = { actors: { a: { name: 'B' } } }; }, false],
  ['string over 10,000 characters', (d) => { d.actors[0].description = 'x'.repeat(10001); }, false],
  ['extends by relative URL', (d) => { d.extends = '../national.json'; }, true],
  ['confidence outside the enum', (d) => { d.actors[0].confidence = 'maybe'; }, false],
  // Offices (role × territory → office): sourced, or marked unsure.
  ['sourced office', (d) => { d.territories = [{ id: 'f', name: 'F', level: 'n', offices: { a: { name: 'Bureau', url: 'https://example.org/b', sources: [{ url: 'https://example.org/b', verified: '2026-12-01' }] } } }]; }, true],
  ['unsure office without sources', (d) => { d.territories = [{ id: 'f', name: 'F', level: 'n', offices: { a: { name: 'Bureau', confidence: 'unsure' } } }]; }, true],
  ['office without source nor unsure', (d) => { d.territories = [{ id: 'f', name: 'F', level: 'n', offices: { a: { name: 'Bureau' } } }]; }, false],
  ['office with empty sources', (d) => { d.territories = [{ id: 'f', name: 'F', level: 'n', offices: { a: { name: 'Bureau', sources: [] } } }]; }, false],
  ['office without a name', (d) => { d.territories = [{ id: 'f', name: 'F', level: 'n', offices: { a: { confidence: 'unsure' } } }]; }, false],
  ['variant group', (d) => { d.variants = [{ id: 'v', label: 'V', group: { fr: 'Région académique', en: 'Academic region' } }]; }, true],
  ['overlay names offices of an inherited territory', (d) => { delete d.levels; delete d.actorKinds; delete d.relationKinds; d.extends = 'national'; d.override = { territories: { 'dep-09': { offices: { dsden: { name: 'DSDEN', confidence: 'unsure' } } } } }; }, true],
  ['override cannot change a territory id', (d) => { delete d.levels; delete d.actorKinds; delete d.relationKinds; d.extends = 'national'; d.override = { territories: { 'dep-09': { id: 'x' } } }; }, false],
];
for (const [name, edit, expected] of cases) {
  const d = minimal();
  edit(d);
  check(`schema: ${name}`, validateMap, d, expected);
}

console.log(failures ? `\n${failures} schema check(s) failed` : `\nall schema checks passed (${maps.length} maps)`);
process.exit(failures ? 1 : 0);
