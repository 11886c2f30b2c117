#!/usr/bin/env node
// Writes the Traditional-Chinese (Taiwan) copy of the sample article for the fixture workspace, so the extension
// is tried on 繁體 text too. The output is committed; run this again when the Simplified article changes.
//   node scripts/makeTraditionalFixture.mjs           (re)write the copy
//   node scripts/makeTraditionalFixture.mjs --check   exit 1 if the committed copy is out of date
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';

const workspace = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'workspace');
const source = path.join(workspace, 'ai-lab-expert-departure.md');
const target = path.join(workspace, 'ai-lab-expert-departure.zh-Hant.md');

// cn → tw: character conversion only (no Taiwan phrase substitution), so offsets match the Simplified original.
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const converted = toTraditional(fs.readFileSync(source, 'utf8'));

if (process.argv.includes('--check')) {
  const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
  if (current !== converted) {
    console.error(`${path.relative(process.cwd(), target)} is out of date: run node scripts/makeTraditionalFixture.mjs`);
    process.exit(1);
  }
} else {
  fs.writeFileSync(target, converted);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
