// Size of the client in a browser app: esbuild bundles the package's entry (openapi-fetch included),
// minified, and gzip measures it. The budget itself is enforced by test/bundle-size.test.ts.
import { measureBundle, BUDGET_BYTES, PROFILES_BUDGET_BYTES } from './measure-bundle.js';

const { minified, gzipped, profilesOnly, bareOpenapiFetch } = await measureBundle();
console.log('Client bundle for a browser app (esbuild --bundle --minify --platform=browser, gzip -9):');
console.table([
  { bundle: '@myreports/pbx-client (all exports)', 'min bytes': minified, 'min+gzip bytes': gzipped },
  { bundle: '@myreports/pbx-client (createProfilesClient only)', 'min bytes': profilesOnly.minified, 'min+gzip bytes': profilesOnly.gzipped },
  { bundle: 'openapi-fetch alone (baseline)', 'min bytes': bareOpenapiFetch.minified, 'min+gzip bytes': bareOpenapiFetch.gzipped },
]);
console.log(
  `pbx-client min+gzip = ${(gzipped / 1024).toFixed(2)} kB (budget ${BUDGET_BYTES / 1024} kB): ${gzipped <= BUDGET_BYTES ? 'within' : 'OVER'}; ` +
    `${(gzipped / bareOpenapiFetch.gzipped).toFixed(2)}x openapi-fetch alone`,
);
console.log(
  `profiles only min+gzip = ${(profilesOnly.gzipped / 1024).toFixed(2)} kB (budget ${PROFILES_BUDGET_BYTES / 1024} kB): ${profilesOnly.gzipped <= PROFILES_BUDGET_BYTES ? 'within' : 'OVER'}`,
);
