import type * as Agreement from '../team/agreementBundle';
import { agreement } from './agreement.node';
import { passOn } from './onDemand';

// The stub of src/extension/team/adjudicationHtml.ts in the desktop build (agreement.node.ts).
export const adjudicationHtml: typeof Agreement.adjudicationHtml = passOn(agreement, 'adjudicationHtml');
