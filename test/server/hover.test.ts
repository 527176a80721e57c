import { strict as assert } from 'assert';
import { join } from 'path';
import { TestClient, hoverText, uriOf } from './client';
import { FIBER, HELPLINE, positionOf, scratchUri, workspace, write } from './fixtures';

describe('server: hover', function () {
  this.timeout(60000);
  let client: TestClient;
  const fiber = scratchUri('fiber');
  const help = scratchUri('help');
  /** The hover's markdown at the `nth` `needle` of a text, `delta` characters in. */
  const hover = async (uri: string, text: string, needle: string, delta = 1, nth = 0): Promise<string> => hoverText(await client.hover(uri, positionOf(text, needle, delta, nth)));

  before(async () => {
    client = await TestClient.start({ settings: {} });
    await client.open(fiber, FIBER);
    await client.open(help, HELPLINE);
    await client.diagnostics(fiber, 1);
    await client.diagnostics(help, 1);
  });
  after(() => client.stop());

  describe('glossary', () => {
    it('explains an English term in a text, in both languages by default', async () => {
      const md = await hover(help, HELPLINE, 'IVR sent');
      assert.match(md, /\*\*IVR\*\*/);
      assert.match(md, /\*EN:\*/);
      assert.match(md, /\*PL:\*/);
    });

    it('finds Polish inflected forms', async () => {
      const md = await hover(help, HELPLINE, 'infolinii', 3);
      assert.match(md, /infolinia/);
      assert.match(md, /information line/);
    });

    it('prefers the longest multi-word term under the cursor', async () => {
      assert.match(await hover(help, HELPLINE, 'information line', 14), /\*\*information line\*\*/);
      assert.match(await hover(help, HELPLINE, 'back office.', 6), /\*\*back office\*\*/);
    });

    it('finds terms in keys and enum values too', async () => {
      const key = await hover(help, HELPLINE, 'ivr-menu:', 1);
      assert.match(key, /\*\*Step\*\* `ivr-menu`/);
      assert.match(key, /\*\*IVR\*\*/);
      const value = await hover(help, HELPLINE, 'direction: inbound', 12);
      assert.match(value, /the customer calls the center/, 'the schema says what the value means');
      assert.match(value, /\*\*inbound\*\*/i, 'and the glossary defines the term');
    });

    it('shows one language when hover.language says so', async () => {
      const pl = await TestClient.start({ settings: { hover: { language: 'pl' } } });
      try {
        const uri = scratchUri('pl');
        await pl.open(uri, HELPLINE);
        await pl.diagnostics(uri, 1);
        const md = hoverText(await pl.hover(uri, positionOf(HELPLINE, 'IVR sent', 1)));
        assert.doesNotMatch(md, /\*EN:\*/);
        assert.match(md, /połącze|rozmow|klient|system/i);
      } finally {
        await pl.stop();
      }
    });
  });

  describe('workspace glossaries', () => {
    const team = (definition: string): string => `terms:\n  - id: win-back\n    en:\n      term: win-back\n      definition: "${definition}"\n`;

    it('adds the terms of *.glossary.yaml files, and reads them again when they change', async () => {
      const root = workspace({ 'glossary/team.glossary.yaml': team('Calling former customers back with an offer.') });
      const local = await TestClient.start({ settings: {}, root });
      try {
        const uri = uriOf(join(root, 'a.call.yaml'));
        const text = FIBER.replace('This call is recorded.', 'This is a win-back call.');
        await local.open(uri, text);
        await local.diagnostics(uri, 1);
        const at = positionOf(text, 'win-back call', 2);
        assert.match(hoverText(await local.hover(uri, at)), /former customers/);
        write(root, 'glossary/team.glossary.yaml', team('Winning a lost customer back.'));
        await local.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(join(root, 'glossary', 'team.glossary.yaml')), type: 2 }] });
        assert.match(hoverText(await local.hover(uri, at)), /lost customer/);
      } finally {
        await local.stop();
      }
    });
  });

  describe('keys', () => {
    const cases: [string, string, RegExp][] = [
      ['a top-level key', 'kind:', /What sort of call this is/],
      ['a step key', 'say:', /What the agent says/],
      ['a branch key', 'when:', /Label of the answer/],
      ['an objection key', 'technique:', /technique the reply uses/],
      ['an outcome key', 'success:', /counts as a success/],
      ['a variable key', 'source:', /Where the value comes from/],
      ['a compliance key', 'require:', /every path to a successful outcome/],
    ];
    for (const [name, needle, doc] of cases) {
      it(`describes ${name} from the schema`, async () => {
        assert.match(await hover(fiber, FIBER, needle), doc);
      });
    }

    it('describes a handover key', async () => {
      assert.match(await hover(help, HELPLINE, 'to: back-office'), /queue or team/);
    });
  });

  describe('enum values', () => {
    it('explains a technique from the objection library', async () => {
      const md = await hover(fiber, FIBER, 'feel-felt-found', 2);
      assert.match(md, /Feel, felt, found/);
      assert.match(md, /understand how the customer feels/);
    });

    it('explains kind, direction, channel, variable type and source from the schema', async () => {
      assert.match(await hover(fiber, FIBER, 'telesales', 2), /selling a product or service/);
      assert.match(await hover(fiber, FIBER, 'direction: outbound', 12), /the agent calls the customer/);
      assert.match(await hover(fiber, FIBER, 'channel: phone', 10), /`phone`/);
      assert.match(await hover(fiber, FIBER, 'type: number', 7), /`number`/);
      assert.match(await hover(fiber, FIBER, 'source: crm', 9), /`crm`/);
    });
  });

  describe('references', () => {
    it('shows the text of the step that `next` names, in the script languages', async () => {
      const md = await hover(fiber, FIBER, 'next: recording', 7);
      assert.match(md, /\*\*Step\*\* `recording`/);
      assert.match(md, /\*say \(pl\):\* Rozmowa jest nagrywana\./);
      assert.match(md, /\*say \(en\):\* This call is recorded\./);
      assert.ok(md.indexOf('(pl)') < md.indexOf('(en)'), 'in the order of `languages`');
    });

    it('shows the step of `resume`, the objection of an expected objection, the outcome of `outcome`', async () => {
      assert.match(await hover(fiber, FIBER, 'resume: offer', 9), /\*\*Step\*\* `offer`[\s\S]*światłowód/);
      const objection = await hover(fiber, FIBER, 'not-interested, no-time', 2);
      assert.match(objection, /\*\*Objection\*\* `not-interested`/);
      assert.match(objection, /many customers felt the same/);
      assert.match(objection, /Nie jestem zainteresowany/);
      assert.match(await hover(fiber, FIBER, 'outcome: no-sale', 10), /\*\*Outcome\*\* `no-sale`[\s\S]*No sale/);
    });

    it('shows a {variable} declaration: type, required, source and description', async () => {
      const md = await hover(fiber, FIBER, '{customer_name}', 3);
      assert.match(md, /\*\*Variable\*\* `\{customer_name\}`/);
      assert.match(md, /string/);
      assert.match(md, /required/);
      assert.match(md, /crm/);
      assert.match(md, /first name/);
    });

    it('says when a reference names nothing', async () => {
      const uri = scratchUri('unknown');
      const text = FIBER.replace('next: recording', 'next: recordin');
      await client.open(uri, text);
      await client.diagnostics(uri, 1);
      assert.match(hoverText(await client.hover(uri, positionOf(text, 'recordin\n', 2))), /not declared/);
    });
  });

  it('answers from the last analysis while the next one is pending', async () => {
    const uri = scratchUri('pending');
    await client.open(uri, FIBER);
    await client.diagnostics(uri, 1);
    // A line is added at the top; before it is analysed, positions below are traced through the edit.
    await client.insert(uri, { line: 0, character: 0 }, '# a comment\n');
    const text = client.text(uri);
    const md = hoverText(await client.hover(uri, positionOf(text, 'next: recording', 7)));
    assert.match(md, /\*\*Step\*\* `recording`/);
  });

  it('has nothing to say on punctuation or blank space', async () => {
    assert.equal(await client.hover(fiber, { line: 0, character: 11 }), null);
  });
});
