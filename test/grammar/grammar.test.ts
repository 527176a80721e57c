/**
 * Tokenisation tests for syntaxes/callscript.tmLanguage.json (scope source.callscript), run with
 * vscode-textmate and vscode-oniguruma as VS Code runs them.
 *
 * The Callscript grammar builds on `source.yaml`. The tests load a real YAML TextMate grammar
 * for it: the one shipped by the `tm-grammars` package (TextMate's YAML bundle, which VS Code
 * shipped until 1.88). VS Code's current YAML grammar is a different one that wraps the whole
 * file in a single begin/while rule; to run the same tests against it, point
 * CALLSCRIPT_YAML_GRAMMAR_DIR at a folder holding its grammar files, e.g. VS Code's
 * `resources/app/extensions/yaml/syntaxes`: every *.json there is registered by its scopeName.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';

const ROOT = findRoot(__dirname);
const CALLSCRIPT_GRAMMAR = path.join(ROOT, 'syntaxes', 'callscript.tmLanguage.json');
const LANGUAGE_CONFIGURATION = path.join(ROOT, 'client', 'language-configuration.json');

function findRoot(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Loading

let onigLib: Promise<vsctm.IOnigLib> | undefined;

function loadOnig(): Promise<vsctm.IOnigLib> {
  if (!onigLib) {
    const wasmPath = path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm');
    const wasm = fs.readFileSync(wasmPath);
    const data = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    onigLib = oniguruma.loadWASM(data).then(() => ({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }));
  }
  return onigLib;
}

interface YamlVariant {
  label: string;
  /** scopeName -> grammar file, including source.yaml */
  files: Map<string, string>;
}

function tmGrammarsYaml(): YamlVariant {
  let file: string;
  try {
    file = require.resolve('tm-grammars/grammars/yaml.json');
  } catch {
    file = path.join(ROOT, 'node_modules', 'tm-grammars', 'grammars', 'yaml.json');
  }
  return { label: 'tm-grammars (TextMate YAML bundle)', files: new Map([['source.yaml', file]]) };
}

function yamlVariants(): YamlVariant[] {
  const variants = [tmGrammarsYaml()];
  const dir = process.env.CALLSCRIPT_YAML_GRAMMAR_DIR;
  if (dir) {
    const files = new Map<string, string>();
    for (const name of fs.readdirSync(dir)) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(dir, name);
      const scopeName = (JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName?: unknown }).scopeName;
      if (typeof scopeName === 'string') files.set(scopeName, file);
    }
    variants.push({ label: `${dir} (CALLSCRIPT_YAML_GRAMMAR_DIR)`, files });
  }
  return variants;
}

async function loadGrammar(variant: YamlVariant): Promise<vsctm.IGrammar> {
  const files = new Map(variant.files);
  files.set('source.callscript', CALLSCRIPT_GRAMMAR);
  const registry = new vsctm.Registry({
    onigLib: loadOnig(),
    loadGrammar: async (scopeName) => {
      const file = files.get(scopeName);
      return file ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null;
    },
  });
  const grammar = await registry.loadGrammar('source.callscript');
  if (!grammar) throw new Error('source.callscript did not load');
  return grammar;
}

// ---------------------------------------------------------------------------------------------
// Tokens

interface Token {
  text: string;
  start: number;
  scopes: string[];
  anyScopes?: string[];
}

interface Line {
  text: string;
  tokens: Token[];
}

function tokenize(grammar: vsctm.IGrammar, text: string): Line[] {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return {
      text: line,
      tokens: result.tokens.map((t) => ({
        text: line.slice(t.startIndex, t.endIndex),
        start: t.startIndex,
        scopes: t.scopes,
      })),
    };
  });
}

/** Removes the common indentation of a template literal and its first and last empty lines. */
function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n[ \t]*$/, '').split('\n');
  const indent = Math.min(
    ...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length),
  );
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Whether a line contains `needle`; a needle starting with `^` must start the line. */
function lineMatches(line: Line, needle: string): boolean {
  return needle.startsWith('^') ? line.text.startsWith(needle.slice(1)) : line.text.includes(needle);
}

/**
 * The text `needle` on the first line containing `lineNeedle` (or `needle`), as one token: it
 * may be split over several tokens (the TextMate YAML grammar splits the first character of a
 * plain scalar off), but they must start and end exactly where the needle does. `scopes` holds
 * the scopes every piece has, `anyScopes` those some piece has.
 */
function tokenOf(lines: Line[], needle: string, lineNeedle: string = needle): Token {
  const line = lines.find((l) => lineMatches(l, lineNeedle));
  assert.ok(line, `no line contains ${JSON.stringify(lineNeedle)}`);
  const from = lineNeedle.startsWith('^') ? 0 : line.text.indexOf(lineNeedle);
  const at = line.text.indexOf(needle, from);
  assert.ok(at >= 0, `${JSON.stringify(needle)} not on line ${JSON.stringify(line.text)}`);
  const end = at + needle.length;
  const pieces = line.tokens.filter((t) => t.start < end && at < t.start + t.text.length);
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  assert.ok(
    first.start === at && last.start + last.text.length === end,
    `expected ${JSON.stringify(needle)} to be whole tokens on ${JSON.stringify(line.text)}, got ` +
      JSON.stringify(line.tokens.map((t) => t.text)),
  );
  return {
    text: needle,
    start: at,
    scopes: first.scopes.filter((s) => pieces.every((p) => p.scopes.includes(s))),
    anyScopes: [...new Set(pieces.flatMap((p) => p.scopes))],
  };
}

function lineOf(lines: Line[], lineNeedle: string): Line {
  const line = lines.find((l) => lineMatches(l, lineNeedle));
  assert.ok(line, `no line contains ${JSON.stringify(lineNeedle)}`);
  return line;
}

function hasScope(token: Token, scope: string, any = false): boolean {
  const scopes = any ? (token.anyScopes ?? token.scopes) : token.scopes;
  return scopes.some((s) => s === scope || s.startsWith(scope + '.'));
}

function assertScope(token: Token, scope: string): void {
  assert.ok(
    hasScope(token, scope),
    `${JSON.stringify(token.text)} should have scope ${scope}; has ${token.scopes.join(' ')}`,
  );
}

function assertNoScope(token: Token, scope: string): void {
  assert.ok(
    !hasScope(token, scope, true),
    `${JSON.stringify(token.text)} should not have scope ${scope}; has ` +
      (token.anyScopes ?? token.scopes).join(' '),
  );
}

const VARIABLE = 'variable.other.placeholder.callscript';
const BRACE_BEGIN = 'punctuation.definition.variable.begin.callscript';
const BRACE_END = 'punctuation.definition.variable.end.callscript';
const STEP_REF = 'entity.name.function.step.reference.callscript';
const OUTCOME_REF = 'entity.name.function.outcome.reference.callscript';
const OBJECTION_REF = 'entity.name.function.objection.reference.callscript';
const YAML_KEY = 'entity.name.tag.yaml';
const DIRECTIVE = 'storage.type.directive.suppression.callscript';
const RULE_ID = 'constant.other.rule-id.callscript';

const SCRIPT = dedent(`
  # yaml-language-server: $schema=../schemas/callscript.schema.json
  callscript: 1                 # format version, required
  id: fiber-winback
  title: Fiber win-back offer
  kind: telesales
  direction: outbound
  channel: phone
  audience: b2c
  languages: [pl, en]
  variables:
    customer_name: { type: string, required: true, description: "From CRM" }
    offer_price:   {type: number, source: crm, required: false}
  compliance:
    require: [recording-notice]
  start: greeting
  steps:
    # the opening
    greeting:
      say:
        pl: "Dzień dobry, czy rozmawiam z {customer_name}?"
        en: 'Good morning, am I speaking with {customer_name}?'
      next: recording

    recording:
      say: { pl: "Rozmowa jest nagrywana.", en: "This call is recorded." }
      satisfies: [recording-notice]
      next: needs
    needs:
      ask: { pl: "Jak ocenia Pan obecny internet?", en: "How do you rate it?" }
      capture: satisfaction
      branches:
        - when: unhappy
          next: offer
        - when: happy
          outcome: no-sale
      # callscript-disable-next-line unknown-target, dead-end -- on purpose
      objections: [not-interested, no-time]
    offer:
      say: Mamy dla Pana światłowód za {offer_price} zł.
      note: |
        Sprawdź w CRM, czy {customer_name} ma umowę.
        next: not-a-reference
      ask: >-
        Czy {customer_name} widzi
        diodę {led_colour}?
      tags: [offer]
      objections:
        - too-expensive
        - "no-time"
      satisfies:
      - gdpr-consent
      transfer: { to: back-office, outcome: transferred, reason: "Oferta {offer_price}" }
      escalate: {outcome: escalated, to: second-line}
      next: close
    close:
      say: { pl: "Dziękuję!", en: "Thank you!" }
      outcome: sale
  objections:
    not-interested:
      triggers: { pl: ["nie jestem zainteresowany"], en: ["not interested"] }
      technique: feel-felt-found
      reply: { pl: "Rozumiem.", en: "I understand." }
      resume: return            # back where it was raised
  # callscript-disable unreachable-step
    no-time:
      technique: boomerang
      reply: "{customer_name}, to zajmie minutę."
      resume: needs
  # callscript-enable
  outcomes:
    sale:    { label: Sale, success: true }
    no-sale: { label: No sale }
`);

// ---------------------------------------------------------------------------------------------

for (const variant of yamlVariants()) {
  describe(`grammar source.callscript (source.yaml from ${variant.label})`, () => {
    let grammar: vsctm.IGrammar;
    let lines: Line[];

    before(async () => {
      grammar = await loadGrammar(variant);
      lines = tokenize(grammar, SCRIPT);
    });

    const tok = (text: string): Line[] => tokenize(grammar, dedent(text));

    describe('{variable} placeholders', () => {
      it('in a double-quoted string, with Polish text around it', () => {
        const l = tok(`
          steps:
            greeting:
              say: "Dzień dobry, {customer_name}"
        `);
        const name = tokenOf(l, 'customer_name');
        assertScope(name, VARIABLE);
        assertScope(name, 'string.quoted.double.yaml');
        assertScope(tokenOf(l, '{', 'Dzień'), BRACE_BEGIN);
        assertScope(tokenOf(l, '}', 'Dzień'), BRACE_END);
        const polish = tokenOf(l, 'Dzień dobry, ');
        assertScope(polish, 'string.quoted.double.yaml');
        assertNoScope(polish, VARIABLE);
      });

      it('in a single-quoted string', () => {
        const name = tokenOf(lines, 'customer_name', "en: 'Good morning");
        assertScope(name, VARIABLE);
        assertScope(name, 'string.quoted.single.yaml');
      });

      it('in a plain scalar', () => {
        const name = tokenOf(lines, 'offer_price', 'Mamy dla Pana');
        assertScope(name, VARIABLE);
        assertScope(name, 'string.unquoted');
        assertScope(tokenOf(lines, 'Mamy dla Pana światłowód za '), 'string.unquoted');
      });

      it('in literal and folded block scalars', () => {
        assertScope(tokenOf(lines, 'customer_name', 'Sprawdź w CRM'), VARIABLE);
        assertScope(tokenOf(lines, 'customer_name', 'Czy {customer_name} widzi'), VARIABLE);
        assertScope(tokenOf(lines, 'led_colour'), VARIABLE);
      });

      it('in a double-quoted string inside a flow mapping', () => {
        const l = tok(`
          outcomes:
            escalated: { label: "Eskalacja {case_id}" }
        `);
        assertScope(tokenOf(l, 'case_id'), VARIABLE);
      });

      it('at the start of a quoted value', () => {
        assertScope(tokenOf(lines, 'customer_name', 'reply: "{customer_name}'), VARIABLE);
      });

      it('a string without braces has no variable scope', () => {
        const line = lineOf(lines, 'Rozmowa jest nagrywana.');
        for (const t of line.tokens) assertNoScope(t, VARIABLE);
        assertScope(tokenOf(lines, 'Rozmowa jest nagrywana.'), 'string.quoted.double.yaml');
      });

      it('braces outside strings are YAML flow mappings, not variables', () => {
        const line = lineOf(lines, 'customer_name: { type: string');
        for (const t of line.tokens) assertNoScope(t, VARIABLE);
      });
    });

    describe('references', () => {
      it('next: marks a step id, and next stays a YAML key', () => {
        const offer = tokenOf(lines, 'offer', 'next: offer');
        assertScope(offer, STEP_REF);
        assertNoScope(offer, 'string');
        assertScope(tokenOf(lines, 'next', 'next: offer'), YAML_KEY);
      });

      it('start:, resume: and quoted values', () => {
        assertScope(tokenOf(lines, 'greeting', 'start: greeting'), STEP_REF);
        assertScope(tokenOf(lines, 'needs', 'resume: needs'), STEP_REF);
        const l = tok(`
          steps:
            a:
              branches:
                - when: "yes"
                  next: "fix-it"
                - when: no
                  outcome: 'escalated'
        `);
        assertScope(tokenOf(l, 'fix-it'), STEP_REF);
        assertScope(tokenOf(l, 'escalated'), OUTCOME_REF);
      });

      it('resume: return is a constant', () => {
        assertScope(tokenOf(lines, 'return', 'resume: return'), 'constant.language.return.callscript');
      });

      it('outcome: marks an outcome id, also inside a flow mapping', () => {
        assertScope(tokenOf(lines, 'no-sale', 'outcome: no-sale'), OUTCOME_REF);
        assertScope(tokenOf(lines, 'sale', 'outcome: sale'), OUTCOME_REF);
        assertScope(tokenOf(lines, 'transferred'), OUTCOME_REF);
        assertScope(tokenOf(lines, 'escalated', 'escalate:'), OUTCOME_REF);
        assertScope(tokenOf(lines, 'offer_price', 'reason:'), VARIABLE);
        assertNoScope(tokenOf(lines, 'back-office'), OUTCOME_REF);
      });

      it('objections: [a, b] items are objection references', () => {
        assertScope(tokenOf(lines, 'not-interested', 'objections: [not-interested'), OBJECTION_REF);
        assertScope(tokenOf(lines, 'no-time', 'objections: [not-interested'), OBJECTION_REF);
      });

      it('objections: block items are objection references', () => {
        assertScope(tokenOf(lines, 'too-expensive'), OBJECTION_REF);
        assertScope(tokenOf(lines, 'no-time', '- "no-time"'), OBJECTION_REF);
      });

      it('satisfies: and compliance require: items are compliance items', () => {
        const compliance = 'constant.other.compliance.callscript';
        assertScope(tokenOf(lines, 'recording-notice', 'satisfies: [recording-notice]'), compliance);
        assertScope(tokenOf(lines, 'recording-notice', 'require: [recording-notice]'), compliance);
        assertScope(tokenOf(lines, 'gdpr-consent'), compliance);
      });

      it('a block list ends at the next key', () => {
        assertScope(tokenOf(lines, 'back-office'), 'string');
        for (const t of lineOf(lines, 'tags: [offer]').tokens) {
          assertNoScope(t, 'meta.reference-list');
        }
        assertScope(tokenOf(lines, 'close', 'next: close'), STEP_REF);
      });

      it('capture: names a variable', () => {
        assertScope(tokenOf(lines, 'satisfaction'), 'variable.other.capture.callscript');
      });

      it('a key: value inside a block scalar is text, not a reference', () => {
        const line = lineOf(lines, 'next: not-a-reference');
        for (const t of line.tokens) {
          assertNoScope(t, STEP_REF);
          assertNoScope(t, YAML_KEY);
        }
        const text = line.tokens.find((t) => t.text.includes('not-a-reference'))!;
        assertScope(text, 'string.unquoted.block');
      });

      it('tags: values are not references', () => {
        assertNoScope(tokenOf(lines, 'offer', 'tags: [offer]'), 'entity.name.function');
      });
    });

    describe('id keys under steps:, objections:, outcomes: and variables:', () => {
      it('step ids', () => {
        for (const id of ['greeting', 'recording', 'needs', 'offer', 'close']) {
          assertScope(tokenOf(lines, id, `  ${id}:`), 'entity.name.function.step.callscript');
        }
      });

      it('objection ids, outcome ids and variable names', () => {
        assertScope(tokenOf(lines, 'not-interested', '  not-interested:'), 'entity.name.function.objection.callscript');
        assertScope(tokenOf(lines, 'no-time', '  no-time:'), 'entity.name.function.objection.callscript');
        assertScope(tokenOf(lines, 'sale', '  sale:'), 'entity.name.function.outcome.callscript');
        assertScope(tokenOf(lines, 'no-sale', '  no-sale:'), 'entity.name.function.outcome.callscript');
        assertScope(tokenOf(lines, 'customer_name', 'customer_name: {'), 'variable.other.definition.callscript');
      });

      it('deeper keys and top-level keys stay YAML keys', () => {
        for (const [key, line] of [
          ['say', 'say:'],
          ['pl', 'pl: "Dzień'],
          ['triggers', 'triggers:'],
          ['steps', '^steps:'],
          ['objections', '^objections:'],
          ['objections', 'objections: [not-interested'],
          ['satisfies', 'satisfies: [recording-notice]'],
          ['next', 'next: offer'],
          ['technique', 'technique: feel-felt-found'],
          ['outcomes', '^outcomes:'],
          ['title', 'title:'],
          ['callscript', 'callscript: 1'],
          ['languages', 'languages:'],
        ] as const) {
          const t = tokenOf(lines, key, line);
          assertScope(t, YAML_KEY);
          assertNoScope(t, 'entity.name.function');
        }
      });

      it('the script id', () => {
        assertScope(tokenOf(lines, 'fiber-winback'), 'entity.name.type.script.callscript');
      });
    });

    describe('enum constants', () => {
      it('technique: feel-felt-found is a constant', () => {
        assertScope(tokenOf(lines, 'feel-felt-found'), 'constant.language.technique.callscript');
        assertScope(tokenOf(lines, 'boomerang'), 'constant.language.technique.callscript');
      });

      it('kind:, direction:, channel:, audience: and variable types', () => {
        assertScope(tokenOf(lines, 'telesales'), 'constant.language.kind.callscript');
        assertScope(tokenOf(lines, 'outbound'), 'constant.language.direction.callscript');
        assertScope(tokenOf(lines, 'phone'), 'constant.language.channel.callscript');
        assertScope(tokenOf(lines, 'b2c'), 'constant.language.audience.callscript');
        assertScope(tokenOf(lines, 'string', 'type: string'), 'constant.language.variable-type.callscript');
        assertScope(tokenOf(lines, 'number', 'type: number'), 'constant.language.variable-type.callscript');
        assertScope(tokenOf(lines, 'crm', 'source: crm'), 'constant.language.variable-source.callscript');
      });

      it('a value outside the enum is not a constant', () => {
        const l = tok(`
          kind: telesales-extra
          technique: shouting
        `);
        assertNoScope(tokenOf(l, 'telesales-extra'), 'constant.language');
        assertNoScope(tokenOf(l, 'shouting'), 'constant.language');
      });
    });

    describe('comments', () => {
      it('callscript-disable-next-line: directive and rule ids', () => {
        const line = 'callscript-disable-next-line unknown-target';
        const directive = tokenOf(lines, 'callscript-disable-next-line', line);
        assertScope(directive, DIRECTIVE);
        assertScope(directive, 'comment.line.number-sign');
        assertScope(tokenOf(lines, 'unknown-target', line), RULE_ID);
        assertScope(tokenOf(lines, 'dead-end', line), RULE_ID);
        assertScope(tokenOf(lines, ',', line), 'punctuation.separator.comma.callscript');
        const why = tokenOf(lines, '-- on purpose', line);
        assertScope(why, 'comment');
        assertNoScope(why, RULE_ID);
      });

      it('callscript-disable and callscript-enable', () => {
        assertScope(tokenOf(lines, 'callscript-disable', '# callscript-disable unreachable'), DIRECTIVE);
        assertScope(tokenOf(lines, 'unreachable-step'), RULE_ID);
        assertScope(tokenOf(lines, 'callscript-enable'), DIRECTIVE);
      });

      it('a directive after a value on the same line', () => {
        const l = tok(`
          steps:
            a:
              next: done  # callscript-disable-line unknown-target
        `);
        assertScope(tokenOf(l, 'done'), STEP_REF);
        assertScope(tokenOf(l, 'callscript-disable-line'), DIRECTIVE);
        assertScope(tokenOf(l, 'unknown-target'), RULE_ID);
      });

      it('a comment that is not a directive stays a plain comment', () => {
        for (const text of ['# the opening', '# yaml-language-server', '# format version']) {
          const line = lineOf(lines, text);
          const comment = line.tokens.filter((t) => hasScope(t, 'comment'));
          assert.ok(comment.length > 0, `no comment on ${JSON.stringify(line.text)}`);
          for (const t of line.tokens) {
            assertNoScope(t, DIRECTIVE);
            assertNoScope(t, RULE_ID);
          }
          assertScope(comment[comment.length - 1], 'comment.line.number-sign');
        }
        const l = tok(`
          # callscript-disabled is not a directive
          # callscript is great
        `);
        for (const line of l) for (const t of line.tokens) assertNoScope(t, DIRECTIVE);
      });
    });

    it('tokenises the whole sample without a token in an illegal scope', () => {
      for (const line of lines) {
        for (const t of line.tokens) {
          assert.ok(
            !t.scopes.some((s) => s.startsWith('invalid.')),
            `${JSON.stringify(t.text)} on ${JSON.stringify(line.text)}: ${t.scopes.join(' ')}`,
          );
        }
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------

describe('client/language-configuration.json', () => {
  interface OnEnterRule {
    beforeText: string;
    action: { indent: string; appendText?: string };
  }
  interface LanguageConfiguration {
    comments: { lineComment: string };
    brackets: [string, string][];
    autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
    surroundingPairs: [string, string][];
    folding: { offSide: boolean };
    wordPattern: string;
    onEnterRules: OnEnterRule[];
  }
  const config = JSON.parse(fs.readFileSync(LANGUAGE_CONFIGURATION, 'utf8')) as LanguageConfiguration;

  const words = (text: string): string[] => text.match(new RegExp(config.wordPattern, 'g')) ?? [];
  const onEnter = (beforeText: string): OnEnterRule | undefined =>
    config.onEnterRules.find((r) => new RegExp(r.beforeText).test(beforeText));

  it('has # comments, YAML brackets and auto-closing quotes and braces', () => {
    assert.equal(config.comments.lineComment, '#');
    assert.deepEqual(config.brackets, [['{', '}'], ['[', ']']]);
    const opens = config.autoClosingPairs.map((p) => p.open);
    for (const open of ['{', '[', '"', "'"]) assert.ok(opens.includes(open), open);
    const surrounds = config.surroundingPairs.map((p) => p[0]);
    for (const open of ['{', '[', '"', "'"]) assert.ok(surrounds.includes(open), open);
  });

  it('folds by indentation', () => {
    assert.equal(config.folding.offSide, true);
  });

  it('keeps kebab-case ids, {variables} and Polish words whole', () => {
    assert.deepEqual(words('next: feel-felt-found'), ['next', 'feel-felt-found']);
    assert.deepEqual(words('say: "Dzień dobry, {customer_name}!"'), ['say', 'Dzień', 'dobry', '{customer_name}']);
    assert.deepEqual(words('Mamy światłowód za {offer_price} zł.'), ['Mamy', 'światłowód', 'za', '{offer_price}', 'zł']);
    assert.deepEqual(words('ŻÓŁĆ gęślą jaźń'), ['ŻÓŁĆ', 'gęślą', 'jaźń']);
    assert.deepEqual(words('outcome: no-sale # callscript-disable-next-line dead-end'), [
      'outcome', 'no-sale', 'callscript-disable-next-line', 'dead-end',
    ]);
  });

  it('indents after a line ending in a colon or a block scalar indicator', () => {
    for (const line of ['steps:', '  greeting:', '    say:  # spoken', '  - when:', '    note: |', '    say: >-']) {
      assert.equal(onEnter(line)?.action.indent, 'indent', line);
    }
    for (const line of ['    next: offer', '  # comment:', '    say: "Hello"']) {
      assert.notEqual(onEnter(line)?.action.indent, 'indent', line);
    }
  });

  it('lines up the next key of a sequence item under its first key', () => {
    const rule = onEnter('      - when: unhappy');
    assert.equal(rule?.action.indent, 'none');
    assert.equal(rule?.action.appendText, '  ');
  });
});
