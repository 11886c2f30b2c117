import type * as Agreement from '../../core/agreement';
import { agreement } from './agreement.node';
import { passOn } from './onDemand';

// The stub of src/core/agreement/index.ts in the desktop build (agreement.node.ts).
export const cohenKappa: typeof Agreement.cohenKappa = passOn(agreement, 'cohenKappa');
export const krippendorffAlpha: typeof Agreement.krippendorffAlpha = passOn(agreement, 'krippendorffAlpha');
export const percentAgreement: typeof Agreement.percentAgreement = passOn(agreement, 'percentAgreement');
export const tagAgreement: typeof Agreement.tagAgreement = passOn(agreement, 'tagAgreement');
export const codingOf: typeof Agreement.codingOf = passOn(agreement, 'codingOf');
export const applyResolution: typeof Agreement.applyResolution = passOn(agreement, 'applyResolution');
export const disagreements: typeof Agreement.disagreements = passOn(agreement, 'disagreements');
export const resolvedStretches: typeof Agreement.resolvedStretches = passOn(agreement, 'resolvedStretches');
export const compareCodings: typeof Agreement.compareCodings = passOn(agreement, 'compareCodings');
export const poolAgreement: typeof Agreement.poolAgreement = passOn(agreement, 'poolAgreement');
export const agreementJson: typeof Agreement.agreementJson = passOn(agreement, 'agreementJson');
export const tagFiguresJson: typeof Agreement.tagFiguresJson = passOn(agreement, 'tagFiguresJson');
export const compareSegments: typeof Agreement.compareSegments = passOn(agreement, 'compareSegments');
export const labelKey: typeof Agreement.labelKey = passOn(agreement, 'labelKey');
export const unitOffsets: typeof Agreement.unitOffsets = passOn(agreement, 'unitOffsets');
