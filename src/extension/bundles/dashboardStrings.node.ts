import type * as Strings from '../dashboard/strings';
import { besideThisBundle, passOn } from './onDemand';

// In the desktop build, src/extension/dashboard/strings.ts (the dashboard page's every label) is this stub, and
// dist/dashboard-strings.js the module itself (esbuild.config.mjs): loaded when the dashboard first opens.
const strings = besideThisBundle<typeof Strings>('dashboard-strings', 'dashboardStrings');

export const dashboardStrings: typeof Strings.dashboardStrings = passOn(strings, 'dashboardStrings');
