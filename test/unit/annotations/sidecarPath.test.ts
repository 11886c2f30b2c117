import assert from 'node:assert/strict';
import { isSidecarPath, sidecarPathFor } from '../../../src/core/annotations';

describe('sidecarPathFor', () => {
  it('puts the sidecar beside the article, keeping its extension', () => {
    assert.equal(sidecarPathFor('/ws/notes/article.md', 'beside'), '/ws/notes/article.md.tension.json');
    assert.equal(sidecarPathFor('文章.txt', 'beside', '/ws'), '文章.txt.tension.json');
  });

  it('mirrors the article under <root>/.tension/ in folder mode', () => {
    assert.equal(sidecarPathFor('/ws/notes/article.md', 'folder', '/ws'), '/ws/.tension/notes/article.md.tension.json');
    assert.equal(sidecarPathFor('/ws/a.md', 'folder', '/ws/'), '/ws/.tension/a.md.tension.json');
    assert.equal(sidecarPathFor('/a.md', 'folder', '/'), '/.tension/a.md.tension.json');
    assert.equal(sidecarPathFor('/c:/Users/李/文章.md', 'folder', '/c:/Users/李'), '/c:/Users/李/.tension/文章.md.tension.json');
  });

  it('falls back to beside when the article is not inside the root, or there is no root', () => {
    assert.equal(sidecarPathFor('/other/a.md', 'folder', '/ws'), '/other/a.md.tension.json');
    assert.equal(sidecarPathFor('/wsx/a.md', 'folder', '/ws'), '/wsx/a.md.tension.json');
    assert.equal(sidecarPathFor('/ws/../etc/a.md', 'folder', '/ws'), '/ws/../etc/a.md.tension.json');
    assert.equal(sidecarPathFor('/ws/a.md', 'folder'), '/ws/a.md.tension.json');
  });

  it('recognises sidecar paths', () => {
    assert.ok(isSidecarPath('/ws/a.md.tension.json'));
    assert.ok(!isSidecarPath('/ws/a.md'));
  });
});
