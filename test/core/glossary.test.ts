import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import {
  buildGlossaryIndex,
  findTermAt,
  formatDefinition,
  mergeGlossaries,
  normalizeTerm,
  type GlossaryEntry,
  type GlossaryFile,
} from '../../server/src/core/glossary';

/** The repository root, from out/test/core. */
const ROOT = path.resolve(__dirname, '../../..');
/** The seed documents the glossary was written from (outside the repository). */
const SEEDS = path.resolve(__dirname, '../../../..', 'shared/seeds');

const readYaml = (file: string): unknown => load(fs.readFileSync(path.join(ROOT, file), 'utf8'));
const readJson = (file: string): object => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as object;

const data = readYaml('server/data/glossary.yaml') as GlossaryFile;
const entries: GlossaryEntry[] = data.terms;
const index = buildGlossaryIndex(entries);
const validate = new Ajv({ allErrors: true }).compile(readJson('schemas/glossary.schema.json'));

/** Every name an entry should match on: English name and aliases, Polish name and forms. */
function namesOf(e: GlossaryEntry): string[] {
  return [e.en?.term, ...(e.en?.aliases ?? []), e.pl?.term, ...(e.pl?.forms ?? [])].filter((s): s is string => !!s);
}

/** Words of a text, lower-case, punctuation dropped. */
function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

/** The term found at the middle of `needle` inside `text`. */
function termIn(text: string, needle: string): { id: string; matched: string } | undefined {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} not in ${text}`);
  const m = findTermAt(index, text, at + Math.floor(needle.length / 2));
  return m && { id: m.entry.id, matched: text.slice(m.start, m.end) };
}

/**
 * Terms as the seed documents write them (any case or inflection) and the entry each must
 * resolve to.
 */
const SEED_TERMS: Array<[string, string]> = [
  ['Back office', 'back-office'],
  ['Back-office', 'back-office'],
  ['front-office', 'front-office'],
  ['Call center', 'call-center'],
  ['centrum obsługi telefonicznej', 'call-center'],
  ['Inbound call center', 'call-center'],
  ['Outbound call center', 'call-center'],
  ['Contact center', 'contact-center'],
  ['Crosschannel', 'crosschannel'],
  ['Helpdesk', 'helpdesk'],
  ['helpdesku', 'helpdesk'],
  ['Inbound', 'inbound'],
  ['Outbound', 'outbound'],
  ['Infolinia', 'information-line'],
  ['infolinię', 'information-line'],
  ['Information line', 'information-line'],
  ['hotline', 'information-line'],
  ['helpline', 'information-line'],
  ['Live chat', 'live-chat'],
  ['Multichannel', 'multichannel'],
  ['Multi-kanałowa obsługa klienta', 'multichannel'],
  ['Nearshoring', 'nearshoring'],
  ['Omnichannel', 'omnichannel'],
  ['Outsourcing', 'outsourcing'],
  ['outsorcingu', 'outsourcing'],
  ['Pozyskanie', 'customer-acquisition'],
  ['akwizycji', 'customer-acquisition'],
  ['B2B', 'b2b'],
  ['B2C', 'b2c'],
  ['klientem biznesowym', 'b2b'],
  ['klientem indywidualnym', 'b2c'],
  ['Social media sales', 'social-media-sales'],
  ['mediach społecznościowych', 'social-media'],
  ['Telefoniczny Doradca Klienta', 'agent'],
  ['Telephone Customer Advisor', 'agent'],
  ['Konsultantów', 'agent'],
  ['Agent', 'agent'],
  ['telemarketerów', 'telemarketer'],
  ['Telesales', 'telesales'],
  ['Telesprzedaż', 'telesales'],
  ['zbijania obiekcji', 'objection-handling'],
  ['Utrzymanie', 'retention'],
  ['retencji klienta', 'retention'],
  ['telemarketingu', 'telemarketing'],
  ['badań rynkowych', 'market-research'],
  ['windykacji', 'debt-collection'],
  ['reklamację', 'complaint'],
  ['numer referencyjny zgłoszenia', 'reference-number'],
  ['numer klienta', 'customer-number'],
  ['czas oczekiwania', 'wait-time'],
  ['wsparcia technicznego', 'technical-support'],
  ['awarii', 'outage'],
  ['chatbotami', 'chatbot'],
  ['IVR', 'ivr'],
  ['Interactive Voice Response', 'ivr'],
  ['sztuczna inteligencja', 'artificial-intelligence'],
  ['punktem kontaktu', 'touchpoint'],
  ['empatię', 'empathy'],
  ['CRM', 'crm'],
  ['customer relationship management', 'crm'],
  ['Zarządzanie relacjami z klientami', 'crm'],
  ['CX', 'customer-experience'],
  ['customer experience', 'customer-experience'],
  ['CEM', 'cem'],
  ['Sales Force Automation', 'sfa'],
  ['Customer Service Support', 'css'],
  ['CRM interakcyjny', 'interaction-crm'],
  ['CRM operacyjnego', 'operational-crm'],
  ['analitycznych systemów CRM', 'analytical-crm'],
  ['analizę RFM', 'rfm-analysis'],
  ['analizę LTV', 'ltv'],
  ['profit opportunity cycle', 'profit-opportunity-cycle'],
  ['wielowymiarowa segmentacja klientów', 'customer-segmentation'],
  ['analiza koszykowa', 'basket-analysis'],
  ['Knowledge Management', 'knowledge-management'],
  ['Knowledge base', 'knowledge-base'],
  ['Campaign Management', 'campaign-management'],
  ['Lead Management', 'lead-management'],
  ['zarządzanie namiarami', 'lead-management'],
  ['Key Account Management', 'key-account-management'],
  ['Trade Promotion Management', 'trade-promotion-management'],
  ['Mobile Sales', 'mobile-sales'],
  ['subskrypcji', 'data-subscription'],
  ['cross selling', 'cross-selling'],
  ['sprzedaż krzyżowa', 'cross-selling'],
  ['up-selling', 'up-selling'],
  ['sprzedaż rozszerzona', 'up-selling'],
  ['A-list', 'a-list'],
  ['POS', 'pos'],
  ['ERP', 'erp'],
  ['cyklu życia konsumenta', 'customer-lifecycle'],
  ['cykl sprzedaży', 'sales-cycle'],
  ['ponaglenia', 'payment-reminder'],
  ['skalowalność', 'scalability'],
  ['marketing docelowy', 'target-marketing'],
  ['Personalizacja komunikacji', 'personalization'],
  ['Kanał komunikacji telefonicznej', 'phone-channel'],
  ['Kanał komunikacji tekstowej', 'text-channel'],
  ['Kanał komunikacji społecznościowej', 'social-channel'],
  ['Kanał komunikacji alternatywnej', 'alternative-channel'],
  ['mailing', 'mailing'],
  ['2,5G', 'network-2-5g'],
  ['2.5G', 'network-2-5g'],
  ['GPRS', 'gprs'],
  ['GSM', 'gsm'],
  ['UMTS', 'umts'],
  ['2G', 'network-2g'],
  ['3G', 'network-3g'],
  ['pakietową komutację danych', 'packet-switching'],
  ['sieć szkieletowa', 'core-network'],
  ['komunikator', 'instant-messenger'],
  ['szyfrowanie połączeń', 'encryption'],
  ['złośliwe oprogramowanie', 'malware'],
  ['passcode', 'passcode'],
  ['panic code', 'panic-code'],
  ['adres IP', 'ip-address'],
  ['webRTC', 'webrtc'],
  ['billingów', 'billing'],
  ['licencji', 'licence'],
  ['Erlang', 'erlang'],
  ['pierwszej linii kontaktu', 'first-line'],
  ['analityce biznesowej', 'business-analytics'],
  ['audyt wewnętrzny', 'internal-audit'],
  ['e-commerce', 'e-commerce'],
  ['sklepach stacjonarnych', 'single-channel'],
  ['procesów posprzedażowych', 'after-sales'],
];

describe('glossary data', () => {
  it('validates against schemas/glossary.schema.json', () => {
    assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
  });

  it('has at least 120 entries with unique ids', () => {
    assert.ok(entries.length >= 120, `only ${entries.length} entries`);
    const seen = new Set<string>();
    for (const e of entries) {
      assert.ok(!seen.has(e.id), `duplicate id ${e.id}`);
      seen.add(e.id);
    }
  });

  it('gives every built-in entry a name and a non-empty definition in both languages', () => {
    for (const e of entries) {
      for (const side of [e.en, e.pl]) {
        assert.ok(side, `${e.id}: missing language`);
        assert.ok(side.term.trim(), `${e.id}: empty term`);
        assert.ok(side.definition.trim().length >= 40, `${e.id}: definition too short: ${side.definition}`);
        assert.ok(side.definition.length <= 400, `${e.id}: definition longer than three sentences should be`);
      }
    }
  });

  it('relates entries only to existing ids, never to themselves', () => {
    for (const e of entries) {
      for (const r of e.related ?? []) {
        assert.ok(index.byId.has(r), `${e.id}: related id ${r} does not exist`);
        assert.notEqual(r, e.id, `${e.id} relates to itself`);
      }
    }
  });

  it('lists Polish forms in lower case, each once', () => {
    for (const e of entries) {
      const forms = e.pl?.forms ?? [];
      for (const f of forms) assert.equal(f, f.toLowerCase(), `${e.id}: form ${f} is not lower-case`);
      assert.equal(new Set(forms).size, forms.length, `${e.id}: repeated form`);
    }
  });

  it('resolves every name, alias and form to its own entry (none shadowed by another entry)', () => {
    for (const e of entries) {
      for (const name of namesOf(e)) {
        const key = normalizeTerm(name);
        const owner = index.byForm.get(key);
        assert.ok(owner, `${e.id}: "${name}" cannot be matched (it must start and end with a letter or digit)`);
        assert.equal(owner.id, e.id, `"${name}" of ${e.id} resolves to ${owner.id}`);
      }
    }
  });

  it('copies no run of 8 words from any seed document into a definition', function () {
    if (!fs.existsSync(SEEDS)) this.skip();
    const runs = new Set<string>();
    for (const file of fs.readdirSync(SEEDS)) {
      const w = words(fs.readFileSync(path.join(SEEDS, file), 'utf8'));
      for (let i = 0; i + 8 <= w.length; i++) runs.add(w.slice(i, i + 8).join(' '));
    }
    assert.ok(runs.size > 1000, 'the seed documents were not read');
    const copied: string[] = [];
    for (const e of entries) {
      for (const lang of ['en', 'pl'] as const) {
        const w = words(e[lang]!.definition);
        for (let i = 0; i + 8 <= w.length; i++) {
          const run = w.slice(i, i + 8).join(' ');
          if (runs.has(run)) copied.push(`${e.id}.${lang}: "${run}"`);
        }
      }
    }
    assert.deepEqual(copied, []);
  });
});

describe('glossary coverage of the seed terms', () => {
  it('lists at least 40 seed terms', () => {
    assert.ok(SEED_TERMS.length >= 40);
  });

  for (const [term, id] of SEED_TERMS) {
    it(`resolves "${term}" to ${id}`, () => {
      const text = `Zobacz: ${term}.`;
      assert.deepEqual(termIn(text, term), { id, matched: term });
    });
  }

  it('finds every inflected form of infolinia', () => {
    for (const form of ['infolinia', 'infolinii', 'infolinię', 'infolinią', 'infolinio', 'infolinie', 'infoliniami', 'infoliniach', 'infolinij']) {
      assert.deepEqual(termIn(`Mowa o: ${form}!`, form), { id: 'information-line', matched: form });
    }
  });
});

describe('findTermAt on the built-in glossary', () => {
  it('finds "infolinii" inside a Polish sentence', () => {
    const text = 'Proszę zadzwonić na numer infolinii w godzinach pracy biura.';
    const at = text.indexOf('infolinii');
    for (const offset of [at, at + 4, at + 8]) {
      const m = findTermAt(index, text, offset);
      assert.equal(m?.entry.id, 'information-line');
      assert.equal(text.slice(m.start, m.end), 'infolinii');
    }
    assert.equal(findTermAt(index, text, at - 1), undefined, 'the space before it is not the term');
  });

  it('matches "contact center" as one two-word term from either word', () => {
    const text = 'Nasze contact center działa całą dobę.';
    for (const needle of ['contact', 'center']) {
      const m = findTermAt(index, text, text.indexOf(needle) + 2);
      assert.equal(m?.entry.id, 'contact-center');
      assert.equal(text.slice(m.start, m.end), 'contact center');
    }
  });

  it('matches a two-word term across extra spaces and a line break', () => {
    const text = 'Our contact  \n   center is open.';
    const m = findTermAt(index, text, text.indexOf('center'));
    assert.equal(m?.entry.id, 'contact-center');
  });

  it('matches IVR in any case, and its Polish inflection', () => {
    for (const [text, needle] of [
      ['The IVR asks for the customer number.', 'IVR'],
      ['the ivr asks first', 'ivr'],
      ['Klient wybrał opcję w Ivr-ze.', 'Ivr-ze'],
    ]) {
      const m = termIn(text, needle);
      assert.deepEqual(m, { id: 'ivr', matched: needle });
    }
  });

  it('matches generated English plurals', () => {
    assert.equal(termIn('All our IVRs are new.', 'IVRs')?.id, 'ivr');
    assert.equal(termIn('Two call centers merged.', 'centers')?.id, 'call-center');
  });

  it('does not match inside a longer word', () => {
    for (const [text, needle] of [
      ['Great leadership matters.', 'leadership'],
      ['Played ACDC songs.', 'ACDC'],
      ['Przeinfolinii nie ma.', 'Przeinfolinii'],
      ['This is a crmish idea.', 'crmish'],
    ]) {
      const at = text.indexOf(needle);
      for (let offset = at; offset < at + needle.length; offset++) {
        assert.equal(findTermAt(index, text, offset), undefined, `${needle} at ${offset}`);
      }
    }
  });

  it('prefers the longest term at the offset', () => {
    const text = 'Sprawdź analizę RFM klienta.';
    const m = findTermAt(index, text, text.indexOf('RFM'));
    assert.equal(m?.entry.id, 'rfm-analysis');
    assert.equal(text.slice(m.start, m.end), 'analizę RFM');
  });
});

describe('glossary hover text', () => {
  const firstWords = (s: string): string => s.trim().split(/\s+/).slice(0, 4).join(' ');

  it('formats every entry in English, Polish and both', () => {
    for (const e of entries) {
      const en = formatDefinition(e, 'en', index);
      const pl = formatDefinition(e, 'pl', index);
      const both = formatDefinition(e, 'both', index);
      const enStart = firstWords(e.en!.definition);
      const plStart = firstWords(e.pl!.definition);
      assert.ok(en.includes(enStart) && !en.includes(plStart), `${e.id}: en hover`);
      assert.ok(pl.includes(plStart) && !pl.includes(enStart), `${e.id}: pl hover`);
      assert.ok(both.includes(enStart) && both.includes(plStart), `${e.id}: hover in both languages`);
      if (e.related?.length) assert.ok(pl.includes('Zobacz też') && en.includes('See also'), e.id);
    }
  });
});

describe('glossary schema for workspace files', () => {
  const check = (terms: unknown[]): boolean => validate({ terms }) as boolean;

  it('accepts an entry with only English or only Polish', () => {
    assert.ok(check([{ id: 'hold-music', en: { term: 'hold music', definition: 'Music played while a caller waits.' } }]));
    assert.ok(check([{ id: 'lojalka', pl: { term: 'lojalka', forms: ['lojalki', 'lojalkę'], definition: 'Potoczna nazwa umowy terminowej.' } }]));
  });

  it('rejects an entry with neither language, an upper-case form, a bad id or an unknown key', () => {
    assert.ok(!check([{ id: 'empty' }]));
    assert.ok(!check([{ id: 'x', pl: { term: 'x', forms: ['Infolinii'], definition: 'd' } }]));
    assert.ok(!check([{ id: 'Bad Id', en: { term: 'x', definition: 'd' } }]));
    assert.ok(!check([{ id: 'x', en: { term: 'x', definition: 'd', notes: 'n' } }]));
    assert.ok(!check([{ id: 'x', en: { term: 'x', definition: '   ' } }]));
  });

  it('lets a workspace entry replace a built-in one with the same id', () => {
    const own: GlossaryEntry = { id: 'ivr', en: { term: 'IVR', definition: 'Our voice menu, run by the telephony team.' } };
    const merged = buildGlossaryIndex(mergeGlossaries(entries, [own]));
    assert.equal(merged.entries.length, entries.length);
    assert.equal(findTermAt(merged, 'the IVR', 5)?.entry, own);
  });
});
