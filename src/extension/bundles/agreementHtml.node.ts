import type * as Agreement from '../team/agreementBundle';
import { agreement } from './agreement.node';
import { passOn } from './onDemand';

// The stub of src/extension/team/agreementHtml.ts in the desktop build (agreement.node.ts).
export const agreementHtml: typeof Agreement.agreementHtml = passOn(agreement, 'agreementHtml');
