// Exactly the rule sets of n8n's verification scanner (@n8n/scan-community-package), so the editor
// and `npm run lint` show what n8n's reviewers will see. `npm run scan` runs the scanner itself.
import { buildScanConfig } from '@n8n/scan-community-package/scanner/scanner.mjs';

export default [{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', '.n8n-local/**'] }, ...(await buildScanConfig())];
