'use strict';
/**
 * Everything start.js and test.js share, gathered from the files that own it:
 *   util.js       paths, printing, waiting, free ports, an environment without npm's settings
 *   install.js    n8n (install.sh), the package's build, the package as a community package
 *   emulator.js   the Enfonica emulator in this process, its sample data and credential
 *   workflows.js  which workflows are imported, their ids, the shared credential records
 *   n8n.js        n8n's CLI commands and its long-running processes (start, worker)
 *   editorApi.js  n8n's REST API as the editor uses it
 */
module.exports = {
	...require('./util'),
	...require('./install'),
	...require('./emulator'),
	...require('./workflows'),
	...require('./n8n'),
	...require('./editorApi'),
};
