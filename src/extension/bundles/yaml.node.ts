import type * as Yaml from '../../core/variables/yaml';
import { besideThisBundle } from './onDemand';

// In the desktop build, src/core/variables/yaml.ts (js-yaml) is this stub, and dist/yaml.js the module itself
// (esbuild.config.mjs): js-yaml is loaded by the first article with front matter, not at activation.
const yaml = besideThisBundle<typeof Yaml>('yaml', 'readYaml');

export const readYaml: typeof Yaml.readYaml = (text) => yaml().readYaml(text);
