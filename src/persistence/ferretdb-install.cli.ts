/** `npm run db:install`: builds the embedded FerretDB ahead of time (CI does this before the tests). */
import path from 'node:path';
import { ensureFerretdb } from './ferretdb.installer.js';

const toolsDir = path.resolve(process.env.FIELDBOOKS_TOOLS_DIR ?? '.tools');
const binary = await ensureFerretdb(toolsDir, (m) => console.log(m));
console.log(`FerretDB ready: ${binary}`);
