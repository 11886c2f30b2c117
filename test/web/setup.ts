// Mocha's browser build, set up before any suite module runs (index.ts imports this first): it defines the
// `describe` / `it` globals the suites use. A web worker has no DOM, so the spec reporter (console.log), not html.
import 'mocha/mocha';

mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20_000, slow: 2_000 });
