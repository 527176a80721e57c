import { strict as assert } from 'assert';
import { didYouMean, editDistance } from '../../../server/src/core/text/suggest';

describe('text/suggest', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    assert.equal(editDistance('say', 'say'), 0);
    assert.equal(editDistance('sy', 'say'), 1);
    assert.equal(editDistance('sayy', 'say'), 1);
    assert.equal(editDistance('sat', 'say'), 1);
    assert.equal(editDistance('sya', 'say'), 1);
    assert.equal(editDistance('ohcek', 'check'), 2);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('stops early past the limit, returning more than it', () => {
    assert.equal(editDistance('abcdef', 'uvwxyz', 2), 3);
    assert.equal(editDistance('a', 'abcdefgh', 2), 3);
  });

  it('suggests the closest names, best first, ignoring case', () => {
    assert.deepEqual(didYouMean('sya', ['say', 'ask', 'note']), ['say']);
    assert.deepEqual(didYouMean('Greeting', ['greeting', 'meeting']), ['greeting', 'meeting']);
    assert.deepEqual(didYouMean('chek', ['check', 'cheek', 'close'], 1), ['check']);
    assert.deepEqual(didYouMean('zzz', ['say', 'ask']), []);
  });

  it('suggests a name that the typo starts, or that starts the typo', () => {
    assert.deepEqual(didYouMean('feel-felt', ['feel-felt-found', 'laer']), ['feel-felt-found']);
    assert.deepEqual(didYouMean('resolved-ok', ['resolved', 'escalated']), ['resolved']);
  });
});
