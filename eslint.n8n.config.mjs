// n8n's own lint config for community packages (`@n8n/node-cli`, the config `n8n-node lint`
// uses), on what ships: nodes/ and credentials/. `npm run lint:n8n` runs it beside the scanner.
import { config } from '@n8n/node-cli/eslint';

export default [{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'scripts/**', '.n8n-local/**'] }, ...config];
