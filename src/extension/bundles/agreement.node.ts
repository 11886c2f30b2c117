import type * as Agreement from '../team/agreementBundle';
import { besideThisBundle } from './onDemand';

// In the desktop build, src/core/agreement (the agreement statistics, adjudication), agreementHtml.ts and
// adjudicationHtml.ts are these stubs, and dist/agreement.js the modules themselves (esbuild.config.mjs): they are
// loaded when a coder comparison or the Agreement or Adjudication panel first needs them.
export const agreement = besideThisBundle<typeof Agreement>('agreement', 'compareCodings', 'agreementHtml', 'adjudicationHtml');
