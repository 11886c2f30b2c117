import fs from 'node:fs';
import path from 'node:path';
import { type ReferenceList, parseReferenceList } from '../core';

/** Where the reference list is: beside the bundle in dist/, or in the sources when run with tsx. */
const CANDIDATES = ['zh-reference.txt', '../core/suggest/zh-reference.txt'];

let loaded: ReferenceList | undefined;

/** The reference frequency list `suggest` weighs keyness with (read once per process). */
export function loadReference(): ReferenceList {
  if (loaded) return loaded;
  for (const name of CANDIDATES) {
    const file = path.join(__dirname, name);
    if (fs.existsSync(file)) return (loaded = parseReferenceList(fs.readFileSync(file, 'utf8'), file));
  }
  throw new Error(`zh-reference.txt is missing beside ${__dirname}: rebuild with npm run build`);
}
