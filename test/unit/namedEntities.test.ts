import assert from 'node:assert/strict';
import { decodeNamedCharacterReference as full } from 'decode-named-character-reference';
import { decodeNamedCharacterReference as small } from '../../src/core/parse/namedEntities';

describe('the extension bundles’ small entity table', () => {
  it('decodes every name it lists exactly as the full table does, and declines the rest', () => {
    const listed = ['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'hellip', 'mdash', 'ldquo', 'rdquo', 'middot', 'yen', 'frac12', 'check', 'Prime'];
    for (const name of listed) assert.equal(small(name), full(name), name);
    assert.equal(small('eacute'), false, 'a name it does not list is left as literal text');
    assert.equal(small('constructor'), false);
  });
});
