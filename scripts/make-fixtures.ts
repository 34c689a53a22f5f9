// `npm run fixtures`: regenerates every fixture written by this project (REM workbooks, CDA/INS
// samples, evidence bundles, the two REM versions of `catalog diff` with their bundle, the field cases
// of ../shared/field-cases, the batch tree). Each area has its own generator; order matters (bundles
// embed CDA, the batch tree copies bundles).
import { makeRemFixtures } from './fixtures/rem.js';
import { makeArtefactFixtures } from './fixtures/artefacts.js';
import { makeBundleFixtures } from './fixtures/bundles.js';
import { makeXdmEvsFixtures } from './fixtures/xdm-evs.js';
import { makeEmlFixtures } from './fixtures/eml.js';
import { makeRemVersionFixtures } from './fixtures/rem-versions.js';
import { makeFieldCaseFixtures } from './fixtures/field-cases.js';
import { makeBatchFixtures } from './fixtures/batch-tree.js';

await makeRemFixtures();
await makeArtefactFixtures();
await makeXdmEvsFixtures();
await makeBundleFixtures();
await makeRemVersionFixtures();
// Reads the CDA, XDM and sample-ok fixtures above.
await makeEmlFixtures();
await makeFieldCaseFixtures();
await makeBatchFixtures();
