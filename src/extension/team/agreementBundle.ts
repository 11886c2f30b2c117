// The entry of dist/agreement.js (esbuild.config.mjs, onDemandBundles): the agreement statistics and adjudication of
// the core and the pages of the Agreement and Adjudication panels, loaded when one of them opens.
export * from '../../core/agreement';
export { agreementHtml } from './agreementHtml';
export { adjudicationHtml } from './adjudicationHtml';
