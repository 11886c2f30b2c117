import assert from 'node:assert/strict';
import { coderOfSidecarName, coderSidecarPathFor, fileSafeCoder, isCoderSidecarPath, isSidecarPath } from '../../../src/core/annotations';

describe('coder sidecars', () => {
  it('makes coder names file-safe: no dot, slash or space survives, any script does', () => {
    assert.equal(fileSafeCoder('Alice'), 'Alice');
    assert.equal(fileSafeCoder('Alice B. Smith'), 'Alice-B-Smith');
    assert.equal(fileSafeCoder('../../etc/passwd'), 'etc-passwd');
    assert.equal(fileSafeCoder('张 三'), '张-三');
    assert.equal(fileSafeCoder('...'), 'anonymous');
    assert.equal(fileSafeCoder(''), 'anonymous');
  });

  it('names a coder sidecar beside the article or under .tension/, and reads the coder back', () => {
    assert.equal(coderSidecarPathFor('/w/a/b.md', 'Alice Smith', 'beside'), '/w/a/b.md.tension.Alice-Smith.json');
    assert.equal(coderSidecarPathFor('/w/a/b.md', 'bob', 'folder', '/w'), '/w/.tension/a/b.md.tension.bob.json');
    assert.equal(coderOfSidecarName('b.md', 'b.md.tension.Alice-Smith.json'), 'Alice-Smith');
    assert.equal(coderOfSidecarName('b.md', 'b.md.tension.json'), undefined);
    assert.equal(coderOfSidecarName('b.md', 'c.md.tension.bob.json'), undefined);
    assert.equal(coderOfSidecarName('b.md', 'b.md.tension.x.y.json'), undefined);
    assert.ok(isCoderSidecarPath('/w/b.md.tension.bob.json'));
    assert.ok(!isCoderSidecarPath('/w/b.md.tension.json'));
    // The single sidecar's test is unchanged: coder sidecars are recognised by their own predicate.
    assert.ok(isSidecarPath('/w/b.md.tension.json'));
  });
});
