// The Get Started walkthrough (package.json contributes.walkthroughs): every step has its picture, finishes on an
// event that can happen, and links only commands that exist — in English and 简体中文 alike.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');
const read = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; svg?: string; altText?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string }[];
    views: Record<string, { id: string }[]>;
    viewsContainers: Record<string, { id: string }[]>;
    walkthroughs: { id: string; title: string; steps: Step[] }[];
  };
}

const manifest = read('package.json') as Manifest;
const nls = { en: read('package.nls.json') as Record<string, string>, zh: read('package.nls.zh-cn.json') as Record<string, string> };
const commands = new Set(manifest.contributes.commands.map((c) => c.command));
const views = new Set(Object.values(manifest.contributes.views).flat().map((v) => v.id));
const containers = Object.values(manifest.contributes.viewsContainers).flat().map((c) => `workbench.view.extension.${c.id}`);
const [walkthrough] = manifest.contributes.walkthroughs;
const steps = walkthrough?.steps ?? [];

/** The text of a `%key%` in one language. */
function text(value: string, language: keyof typeof nls): string {
  const key = /^%(.+)%$/.exec(value)?.[1];
  return key ? nls[language][key] ?? '' : value;
}

describe('the Get Started walkthrough', () => {
  it('walks through sample, highlights, hover, annotate, sidebar and export', () => {
    assert.deepEqual(steps.map((s) => s.id), ['openSample', 'highlights', 'hover', 'annotate', 'sidebar', 'export']);
  });

  it('every step has a picture that exists, with alt text in both languages', () => {
    for (const step of steps) {
      const file = step.media.image ?? step.media.svg;
      assert.ok(file && fs.existsSync(path.join(root, file)), `${step.id}: ${file ?? 'no media'} is missing`);
      assert.ok(step.media.altText && text(step.media.altText, 'en') && text(step.media.altText, 'zh'), `${step.id}: alt text`);
    }
  });

  it('every step completes on a command or view this extension contributes, or a context key it sets', () => {
    for (const step of steps) {
      const events = step.completionEvents ?? [];
      assert.ok(events.length > 0, `${step.id} never completes`);
      for (const event of events) {
        const [kind, id = ''] = event.split(/:(.*)/s);
        if (kind === 'onCommand') assert.ok(commands.has(id), `${step.id}: ${id} is not a contributed command`);
        else if (kind === 'onView') assert.ok(views.has(id), `${step.id}: ${id} is not a contributed view`);
        else {
          // A context expression over keys the extension sets (highlights on, an article active).
          assert.equal(kind, 'onContext', `${step.id}: unexpected completion event ${event}`);
          for (const key of id.split(/\s*&&\s*/)) assert.ok(['tensionLens.hasArticle', 'tensionLens.highlightsOn'].includes(key), `${step.id}: ${key} is not a context key the extension sets`);
        }
      }
    }
  });

  it('the command links in both languages are the same and all exist', () => {
    for (const step of steps) {
      const links = (language: keyof typeof nls) => [...text(step.description, language).matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1] ?? '');
      assert.deepEqual(links('zh'), links('en'), `${step.id}: the 简体中文 description links other commands`);
      for (const id of links('en')) assert.ok(commands.has(id) || containers.includes(id), `${step.id}: command:${id} does not exist`);
    }
  });
});
