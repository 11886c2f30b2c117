// The e2e suites' mocha reporter: the usual spec output, plus one "[flaky]" line whenever a test failed and is run
// again (test/e2e/.mocharc.json allows one retry). A browser workbench on a slow, shared CI machine sometimes misses
// a beat that the same test does not miss on a second try; the retry keeps such a miss from failing the run, and
// this line keeps it from going unseen: `npm test` lists these lines in its closing summary. CommonJS: mocha loads
// a reporter with require().
const Mocha = require('mocha');

const { EVENT_TEST_RETRY } = Mocha.Runner.constants;

class SpecWithRetries extends Mocha.reporters.Spec {
  /** @param {Mocha.Runner} runner @param {Mocha.MochaOptions} options */
  constructor(runner, options) {
    super(runner, options);
    runner.on(EVENT_TEST_RETRY, (test, err) => {
      const reason = String(err?.message ?? err).split('\n')[0];
      console.log(`    [flaky] ${test.fullTitle()}: failed (${reason}); trying it once more`);
    });
  }
}

module.exports = SpecWithRetries;
