import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { analyze } from '../../server/src/core';
import {
  isTechniqueId,
  objectionSnippet,
  parseSnippet,
  snippetToText,
  tabStops,
  techniqueMarkdown,
  TECHNIQUE_IDS,
  type ObjectionEntry,
  type ObjectionLibrary,
} from '../../server/src/core/objections';

/** The repository root, from out/test/core. */
const ROOT = path.resolve(__dirname, '../../..');
/** The seed documents (outside the repository). */
const SEEDS = path.resolve(__dirname, '../../../..', 'shared/seeds');

const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, unknown>;

const library = load(fs.readFileSync(path.join(ROOT, 'server/data/objections.yaml'), 'utf8')) as ObjectionLibrary;
const objections: ObjectionEntry[] = library.objections;
const schema = readJson('schemas/objections.schema.json');
const validate = new Ajv({ allErrors: true }).compile(schema);

/** The objections the design asks for by name. */
const REQUIRED = [
  'too-expensive',
  'not-interested',
  'no-time',
  'send-email',
  'think-about-it',
  'have-provider',
  'call-later',
  'ask-spouse',
  'bad-experience',
  'contract-lock-in',
  'not-decision-maker',
];

const LANGS = ['en', 'pl'];

/** The parsed value of a snippet once every tab stop keeps its default. */
function expand(snippet: string): Record<string, Record<string, unknown>> {
  return load(snippetToText(snippet)) as Record<string, Record<string, unknown>>;
}

describe('objection library data', () => {
  it('validates against schemas/objections.schema.json', () => {
    assert.ok(validate(library), JSON.stringify(validate.errors, null, 2));
  });

  it('uses the same technique list as the code and the script schema', () => {
    const definitions = schema.definitions as Record<string, { enum: string[] }>;
    assert.deepEqual(definitions.technique.enum, [...TECHNIQUE_IDS]);
    const script = readJson('schemas/callscript.schema.json') as {
      definitions: { objection: { properties: { technique: { enum: string[] } } } };
    };
    assert.deepEqual(script.definitions.objection.properties.technique.enum, [...TECHNIQUE_IDS]);
  });

  it('has unique ids and every objection the design names', () => {
    const ids = objections.map((o) => o.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate objection id');
    assert.ok(ids.length >= 12, `only ${ids.length} objections`);
    for (const id of REQUIRED) assert.ok(ids.includes(id), `missing ${id}`);
  });

  it('gives every objection a label, triggers and a reply in English and Polish', () => {
    for (const o of objections) {
      assert.ok(isTechniqueId(o.technique), `${o.id}: unknown technique ${o.technique}`);
      for (const lang of LANGS) {
        assert.ok(o.label[lang]?.trim(), `${o.id}: no ${lang} label`);
        assert.ok(o.triggers[lang]?.length >= 2, `${o.id}: fewer than two ${lang} triggers`);
        for (const t of o.triggers[lang]) assert.ok(t.trim(), `${o.id}: empty ${lang} trigger`);
        assert.ok(snippetToText(o.reply[lang] ?? '').trim().length >= 60, `${o.id}: ${lang} reply too short`);
      }
    }
  });

  it('writes replies as valid snippets whose tab stops agree across languages', () => {
    for (const o of objections) {
      const stops = LANGS.map((lang) => {
        assert.doesNotThrow(() => parseSnippet(o.reply[lang]), `${o.id}.${lang}`);
        return [...tabStops(o.reply[lang]).entries()].sort((a, b) => a[0] - b[0]);
      });
      assert.ok(stops[0].length >= 1, `${o.id}: the reply has no tab stop`);
      // the editor mirrors a tab stop number, so its default must be the same in every language
      assert.deepEqual(stops[1], stops[0], `${o.id}: tab stops differ between en and pl`);
      assert.deepEqual(
        stops[0].map(([i]) => i),
        stops[0].map((_, k) => k + 1),
        `${o.id}: tab stops are not numbered 1, 2, ...`,
      );
      for (const [, placeholder] of stops[0]) assert.ok(placeholder, `${o.id}: a tab stop has no default`);
    }
  });

  it('defines all ten techniques in English and Polish, and uses each of them', () => {
    assert.deepEqual(Object.keys(library.techniques).sort(), [...TECHNIQUE_IDS].sort());
    for (const id of TECHNIQUE_IDS) {
      for (const lang of LANGS) {
        const t = library.techniques[id]?.[lang];
        assert.ok(t?.name.trim(), `${id}: no ${lang} name`);
        assert.ok(t!.definition.trim().length >= 60, `${id}: ${lang} definition too short`);
      }
      assert.ok(
        objections.some((o) => o.technique === id),
        `no objection uses ${id}`,
      );
    }
  });

  it('copies no run of 8 words from any seed document', function () {
    if (!fs.existsSync(SEEDS)) this.skip();
    const words = (s: string): string[] => s.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
    const runs = new Set<string>();
    for (const file of fs.readdirSync(SEEDS)) {
      const w = words(fs.readFileSync(path.join(SEEDS, file), 'utf8'));
      for (let i = 0; i + 8 <= w.length; i++) runs.add(w.slice(i, i + 8).join(' '));
    }
    const texts = [
      ...objections.flatMap((o) => LANGS.map((l) => snippetToText(o.reply[l]))),
      ...TECHNIQUE_IDS.flatMap((id) => LANGS.map((l) => library.techniques[id]![l].definition)),
    ];
    for (const text of texts) {
      const w = words(text);
      for (let i = 0; i + 8 <= w.length; i++) assert.ok(!runs.has(w.slice(i, i + 8).join(' ')), `copied: ${w.slice(i, i + 8).join(' ')}`);
    }
  });
});

describe('objectionSnippet on the library', () => {
  for (const languages of [['en'], ['pl'], ['pl', 'en']]) {
    it(`gives valid YAML with the technique for ${languages.join(', ')}`, () => {
      for (const o of objections) {
        const snippet = objectionSnippet(o, languages, '  ');
        assert.doesNotThrow(() => parseSnippet(snippet), o.id);
        assert.ok(snippet.includes(`technique: ${o.technique}`), `${o.id}: technique missing`);
        const value = expand(snippet);
        assert.deepEqual(Object.keys(value), [o.id]);
        const body = value[o.id];
        assert.equal(body.technique, o.technique);
        assert.equal(body.resume, 'return');
        assert.deepEqual(Object.keys(body.reply as object), languages);
        for (const lang of languages) {
          assert.equal((body.reply as Record<string, string>)[lang], snippetToText(o.reply[lang]), `${o.id}.${lang} reply`);
          assert.equal((body.label as Record<string, string>)[lang], o.label[lang]);
          assert.deepEqual((body.triggers as Record<string, string[]>)[lang], o.triggers[lang]);
        }
        // the reply's tab stops keep their numbers; resume comes last
        const stops = tabStops(snippet);
        const last = Math.max(...stops.keys());
        assert.equal(stops.get(last), 'return');
        for (const [i, placeholder] of tabStops(o.reply[languages[0]])) assert.equal(stops.get(i), placeholder);
      }
    });
  }

  it('leaves an empty tab stop for a language the library lacks', () => {
    const o = objections[0];
    const value = expand(objectionSnippet(o, ['de', 'en'], '  '))[o.id];
    assert.deepEqual(value.reply, { de: '', en: snippetToText(o.reply.en) });
  });

  it('fits a call script that passes every rule (schema, long-utterance, translations …)', () => {
    for (const languages of [['en'], ['pl', 'en']]) {
      const block = objections
        .map((o) => objectionSnippet(o, languages, '  ').split('\n').map((line) => `  ${line}`).join('\n'))
        .join('\n');
      const say = languages.map((l) => `${l}: "${l === 'pl' ? 'Dzień dobry' : 'Hello'}"`).join(', ');
      const text = [
        'callscript: 1',
        'id: objection-library',
        'title: Objection library',
        'kind: telesales',
        'direction: outbound',
        `languages: [${languages.join(', ')}]`,
        'start: greeting',
        'steps:',
        '  greeting:',
        `    say: { ${say} }`,
        `    objections: [${objections.map((o) => o.id).join(', ')}]`,
        '    outcome: done',
        'objections:',
        snippetToText(block),
        'outcomes:',
        '  done: { label: Done, success: true }',
        '',
      ].join('\n');
      const findings = analyze(text).findings;
      assert.deepEqual(
        findings.map((f) => `${f.ruleId}: ${f.message}`),
        [],
        text,
      );
    }
  });
});

describe('techniqueMarkdown on the library', () => {
  for (const id of TECHNIQUE_IDS) {
    it(`explains ${id} in English and Polish`, () => {
      const t = library.techniques[id]!;
      const en = techniqueMarkdown(library.techniques, id, 'en');
      const pl = techniqueMarkdown(library.techniques, id, 'pl');
      const both = techniqueMarkdown(library.techniques, id, 'both');
      assert.ok(en?.includes(`\`${id}\``) && en.includes(t.en.definition.slice(0, 20)), `${id} en`);
      assert.ok(pl?.includes(`\`${id}\``) && pl.includes(t.pl.definition.slice(0, 20)), `${id} pl`);
      assert.ok(!en!.includes(t.pl.definition.slice(0, 20)), `${id}: en hover shows Polish`);
      assert.ok(both?.includes(t.en.definition.slice(0, 20)) && both.includes(t.pl.definition.slice(0, 20)), `${id} both`);
      assert.equal(techniqueMarkdown(library.techniques, id, 'de'), en, 'an unknown language falls back to English');
    });
  }

  it('says nothing about an unknown technique', () => {
    assert.equal(techniqueMarkdown(library.techniques, 'hard-sell', 'en'), undefined);
  });
});
