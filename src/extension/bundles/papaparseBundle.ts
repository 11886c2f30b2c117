// The entry of dist/papaparse.js (esbuild.config.mjs, onDemandModules): the two papaparse calls the extension makes.
import Papa from 'papaparse';

export const parse = Papa.parse;
export const unparse = Papa.unparse;
