import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';

describe('schema/compiledValidator', () => {
  it('is in step with scripts/build-schema.mjs (schema and validator regenerated identically)', function () {
    this.timeout(20_000);
    const root = path.resolve(__dirname, '../../../..');
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/build-schema.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});
