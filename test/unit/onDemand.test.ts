// The loader of the bundles the desktop build loads on first use (src/extension/bundles/onDemand.ts): what a user
// sees when one is missing, and that each is loaded once.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BundleLoadError, exportsFunctions, passOn, requireBundleFile } from '../../src/extension/bundles/onDemand';

interface Adder {
  add(a: number, b: number): number;
}

describe('bundles loaded on first use (onDemand.ts)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tension-lens-on-demand-'));
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a missing bundle throws, every time, an error naming the file and the fix', () => {
    const file = path.join(dir, 'missing.js');
    for (let i = 0; i < 2; i++) {
      assert.throws(() => requireBundleFile(file, exportsFunctions<Adder>('add')), (e: unknown) => {
        assert.ok(e instanceof BundleLoadError);
        assert.equal(e.file, file);
        assert.match(e.message, /could not load .*missing\.js/);
        assert.match(e.message, /Reinstall the extension/);
        return true;
      });
    }
  });

  it('a bundle without the functions this version calls is refused, not handed out untyped', () => {
    const file = path.join(dir, 'other.js');
    fs.writeFileSync(file, 'exports.subtract = (a, b) => a - b;\n');
    assert.throws(() => requireBundleFile(file, exportsFunctions<Adder>('add')), (e: unknown) =>
      e instanceof BundleLoadError && /does not export what this version expects/.test(e.message));
  });

  it('a bundle is evaluated once, however many callers load it', () => {
    const file = path.join(dir, 'adder.js');
    fs.writeFileSync(file, 'globalThis.__adderLoads = (globalThis.__adderLoads ?? 0) + 1;\nexports.add = (a, b) => a + b;\n');
    const first = requireBundleFile(file, exportsFunctions<Adder>('add'));
    const second = requireBundleFile(file, exportsFunctions<Adder>('add'));
    assert.equal(first, second);
    assert.equal((globalThis as { __adderLoads?: number }).__adderLoads, 1);
    assert.equal(first.add(2, 3), 5);
  });

  it('a stub function loads the bundle on its first call, not before, and passes arguments and result through', () => {
    let loads = 0;
    const load = (): Adder => {
      loads++;
      return { add: (a, b) => a + b };
    };
    const add = passOn(load, 'add');
    assert.equal(loads, 0);
    assert.equal(add(20, 22), 42);
    assert.equal(add(1, 1), 2);
    assert.equal(loads, 2, 'each call asks the loader, which requireBundleFile caches');
  });
});
