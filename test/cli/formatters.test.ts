import { strict as assert } from 'assert';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { github } from '../../server/src/cli/formatters/github';
import { json } from '../../server/src/cli/formatters/json';
import { junit } from '../../server/src/cli/formatters/junit';
import { stylish } from '../../server/src/cli/formatters/stylish';
import type { FileReport } from '../../server/src/cli/report';

const context = { color: false, version: '9.9.9' };

/** A report whose path and message hold every character some format must escape. */
const hostile: FileReport[] = [
  {
    path: 'dir,x/a:b%.call.yaml',
    findings: [
      { ruleId: 'schema', severity: 'error', message: 'line one\r\nline two 100% <b>&"\'\u0000\u001b[31m\u202e', line: 2, column: 3, endLine: 4, endColumn: 5 },
      { ruleId: 'long-utterance', severity: 'hint', message: 'a hint', line: 1, column: 1, endLine: 1, endColumn: 1 },
    ],
  },
];

describe('cli: formatters (pure functions)', () => {
  it('github escapes data (%, CR, LF) and properties (also : and ,), and maps hints to notices', () => {
    const [first, second] = github(hostile, context).trimEnd().split('\n');
    assert.equal(first.slice(0, first.indexOf('::', 2)), '::error file=dir%2Cx/a%3Ab%25.call.yaml,line=2,col=3,endLine=4,endColumn=5,title=schema');
    assert.ok(first.endsWith('::line one%0D%0Aline two 100%25 <b>&"\'\\u{0}\\u{1b}[31m\\u{202e}'), first);
    assert.ok(second.startsWith('::notice '), second);
  });

  it('stylish never prints control characters from a message', () => {
    const out = stylish(hostile, context);
    assert.ok(!/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/.test(out), JSON.stringify(out));
    assert.match(out, /line one\\u\{d\}\\u\{a\}line two/);
    assert.match(out, /✖ 2 problems \(1 error, 0 warnings, 1 hint\) in 1 file/);
  });

  it('junit stays well-formed whatever the text holds', () => {
    const xml = junit(hostile, context);
    assert.equal(XMLValidator.validate(xml), true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', htmlEntities: true }).parse(xml);
    assert.equal(doc.testsuites.testsuite.name, 'dir,x/a:b%.call.yaml');
    assert.match(doc.testsuites.testsuite.testcase[0].failure.message, /^line one\r\nline two 100% <b>&"'\uFFFD/);
  });

  it('json keeps the message as it is', () => {
    const doc = JSON.parse(json(hostile, context));
    assert.equal(doc.files[0].findings[0].message, hostile[0].findings[0].message);
    assert.deepEqual(doc.summary, { files: 1, errors: 1, warnings: 0, infos: 0, hints: 1 });
    assert.equal(doc.tool.version, '9.9.9');
  });
});
