import type * as Jsonc from 'jsonc-parser';
import { besideThisBundle, passOn } from './onDemand';

// In the desktop build, the package jsonc-parser is this stub, and dist/jsonc-parser.js the package itself
// (esbuild.config.mjs): a valid JSON file is read with JSON.parse alone (src/core/json/problems.ts), so the tree
// parser is loaded by the first malformed or invalid sidecar, lexicon or codebook.
type Used = Pick<typeof Jsonc, 'parseTree' | 'findNodeAtLocation' | 'printParseErrorCode'>;
const jsonc = besideThisBundle<Used>('jsonc-parser', 'parseTree', 'findNodeAtLocation', 'printParseErrorCode');

export const parseTree: Used['parseTree'] = passOn(jsonc, 'parseTree');
export const findNodeAtLocation: Used['findNodeAtLocation'] = passOn(jsonc, 'findNodeAtLocation');
export const printParseErrorCode: Used['printParseErrorCode'] = passOn(jsonc, 'printParseErrorCode');
