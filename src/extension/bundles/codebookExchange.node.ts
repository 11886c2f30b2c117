import type * as Exchange from '../memos/codebookExchange';
import { besideThisBundle, passOn } from './onDemand';

// In the desktop build, src/extension/memos/codebookExchange.ts (the REFI-QDA .qdc and CSV readers and writers) is
// this stub, and dist/codebook-exchange.js the module itself (esbuild.config.mjs): loaded by the first codebook
// import or export.
const exchange = besideThisBundle<typeof Exchange>('codebook-exchange', 'readCodebookCsv', 'writeCodebookCsv', 'readQdc', 'writeQdc');

export const readCodebookCsv: typeof Exchange.readCodebookCsv = passOn(exchange, 'readCodebookCsv');
export const writeCodebookCsv: typeof Exchange.writeCodebookCsv = passOn(exchange, 'writeCodebookCsv');
export const readQdc: typeof Exchange.readQdc = passOn(exchange, 'readQdc');
export const writeQdc: typeof Exchange.writeQdc = passOn(exchange, 'writeQdc');
