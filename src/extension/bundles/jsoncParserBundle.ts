// The entry of dist/jsonc-parser.js (esbuild.config.mjs, onDemandBundles): the three calls src/core/json/problems.ts makes.
export { findNodeAtLocation, parseTree, printParseErrorCode } from 'jsonc-parser';
