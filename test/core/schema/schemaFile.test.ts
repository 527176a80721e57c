import { strict as assert } from 'assert';
import Ajv from 'ajv';
import { schema } from '../../../server/src/core';

interface Node {
  [key: string]: unknown;
}

/** Every property schema of the document, with its JSON path. */
function properties(node: unknown, path: string, out: [string, Node][] = []): [string, Node][] {
  if (!node || typeof node !== 'object') return out;
  const n = node as Node;
  for (const [name, child] of Object.entries((n.properties as Record<string, unknown>) ?? {})) {
    out.push([`${path}.${name}`, child as Node]);
    properties(child, `${path}.${name}`, out);
  }
  for (const [name, def] of Object.entries((n.definitions as Record<string, unknown>) ?? {})) properties(def, `#${name}`, out);
  for (const key of ['items', 'additionalProperties']) if (n[key] && typeof n[key] === 'object') properties(n[key], `${path}[]`, out);
  return out;
}

describe('schemas/callscript.schema.json', () => {
  it('compiles under strict ajv (markdownDescription is VS Code\'s own keyword)', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true });
    ajv.addVocabulary(['markdownDescription']);
    assert.doesNotThrow(() => ajv.compile(schema));
  });

  it('describes every property in plain and in markdown text', () => {
    const props = properties(schema, '');
    assert.ok(props.length > 40, `only ${props.length} properties found`);
    for (const [path, p] of props) {
      assert.ok(typeof p.description === 'string' && p.description.length > 5, `${path} has no description`);
      assert.ok(typeof p.markdownDescription === 'string' && p.markdownDescription.length > 5, `${path} has no markdownDescription`);
    }
  });
});
