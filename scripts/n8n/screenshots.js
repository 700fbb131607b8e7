#!/usr/bin/env node
'use strict';
/**
 * npm run docs:screenshots — the README's pictures, taken from the real n8n editor.
 *
 * Starts the n8n that `npm run n8n` installs (scripts/n8n/install.sh) with this package installed
 * as a community package, the Enfonica emulator with its sample data, imports the credential and
 * examples/findAndBuy.json, logs in, and drives headless Chromium (Debian's `chromium`, through
 * playwright-core): executes the workflow with the editor's own button, then photographs the
 * canvas and the two nodes' panels (parameters, input and output) into docs/images/.
 *
 * Env: N8N_VERSION (default: scripts/n8n/versions.json), N8N_LOCAL_DIR, CHROMIUM_PATH (default /usr/bin/chromium),
 * ENFONICA_SCREENSHOTS_DIR (default docs/images).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { freePort, LOCAL, log, ROOT } = require('./util');
const { ensureBuilt, ensureN8n, installPackage } = require('./install');
const { emulatorCredential, resetEmulator, startEmulator } = require('./emulator');
const { credentialIds, credentialRecords, EXAMPLES_DIR, loadWorkflows } = require('./workflows');
const { importAll, startServer } = require('./n8n');
const { ensureOwner, ownerAccount } = require('./editorApi');

const WORKFLOW_FILE = path.join(EXAMPLES_DIR, 'findAndBuy.json');
const OUT_DIR = process.env.ENFONICA_SCREENSHOTS_DIR ? path.resolve(process.env.ENFONICA_SCREENSHOTS_DIR) : path.join(ROOT, 'docs', 'images');
const VIEWPORT = { width: 1440, height: 860 };
// Chromium on a machine without outside network: no background connections, no first-run work.
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

function chromiumPath() {
	const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
	if (!fs.existsSync(candidate)) throw new Error(`no Chromium at ${candidate}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
	return candidate;
}

/**
 * Closes whatever n8n pops up over the canvas on a first visit (news, tours, banners).
 * @param {import('playwright-core').Page} page
 */
async function dismissPopups(page) {
	await page.keyboard.press('Escape');
	for (const name of ['Close', 'Got it', 'Skip', 'Dismiss']) {
		const button = page.getByRole('button', { name, exact: true });
		if (await button.count()) await button.first().click({ timeout: 2000 }).catch(() => {});
	}
}

/** @param {import('playwright-core').Page} page @param {string} name */
async function shoot(page, name) {
	const file = path.join(OUT_DIR, `${name}.png`);
	await page.screenshot({ path: file });
	log(`  ${path.relative(ROOT, file)}`);
	return file;
}

/**
 * Shows a node's output as n8n's Schema view: one field a line, every field visible.
 * @param {import('playwright-core').Page} page
 */
async function outputAsSchema(page) {
	const modes = page.getByTestId('output-panel').getByTestId('ndv-run-data-display-mode');
	await modes.getByText('Schema', { exact: true }).click();
	await page.waitForTimeout(800);
}

/** @param {import('playwright-core').Page} page */
async function closeToasts(page) {
	for (const close of await page.locator('.el-notification__closeBtn').all()) await close.click().catch(() => {});
	await page.waitForTimeout(500);
}

/** @param {import('playwright-core').Page} page @param {string} name */
async function openNode(page, name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.getByTestId('ndv').waitFor({ state: 'visible', timeout: 20000 });
	await page.waitForTimeout(1500); // let the panels lay out their tables
}

/** @param {import('playwright-core').Page} page */
async function closeNode(page) {
	await page.keyboard.press('Escape');
	await page.getByTestId('ndv').waitFor({ state: 'hidden', timeout: 10000 });
}

/** @param {import('./types').N8nServer} server @param {import('./types').Owner} owner @param {import('./types').WorkflowInfo} wf @param {string} logsDir */
async function photograph(server, owner, wf, logsDir) {
	const { chromium, selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id');
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'enfonica-chromium-'));
	// A fresh profile each time (playwright passes it as --user-data-dir).
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: chromiumPath(),
		args: CHROMIUM_FLAGS,
		viewport: VIEWPORT,
		deviceScaleFactor: 1,
		locale: 'en-US',
	});
	try {
		// The editor's own login call: its cookie lands in the browser context.
		const login = await context.request.post(`${server.url}/rest/login`, { data: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password } });
		if (!login.ok()) throw new Error(`login failed: HTTP ${login.status()} ${await login.text()}`);
		const page = await context.newPage();
		const [searchNode, buyNode] = wf.enfonicaNodes.map((node) => node.name);
		try {
			await page.goto(`${server.url}/workflow/${wf.id}`, { waitUntil: 'networkidle' });
			await page.locator('[data-test-id="canvas-node"]').first().waitFor({ timeout: 60000 });
			await page.waitForTimeout(1500);
			await dismissPopups(page);
			await page.getByTestId('execute-workflow-button').first().click();
			// Both Enfonica nodes ran: the canvas marks each node that succeeded.
			await page.waitForFunction(
				(names) =>
					names.every((name) => {
						// Runs in the page: the browser's document.
						const node = /** @type {any} */ (globalThis).document.querySelector(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
						return node && node.querySelector('[data-test-id="canvas-node-status-success"]');
					}),
				[searchNode, buyNode],
				{ timeout: 60000 },
			);
			await page.waitForTimeout(1000);
			await closeToasts(page);
			await page.getByTestId('zoom-to-fit').click().catch(() => {});
			await page.waitForTimeout(800);
			const files = [await shoot(page, 'find-and-buy')];
			await openNode(page, searchNode);
			files.push(await shoot(page, 'node-parameters'));
			await closeNode(page);
			await openNode(page, buyNode);
			await outputAsSchema(page);
			files.push(await shoot(page, 'find-and-buy-output'));
			return files;
		} catch (error) {
			await page.screenshot({ path: path.join(logsDir, 'failure.png') }).catch(() => {});
			fs.writeFileSync(
				path.join(logsDir, 'failure-test-ids.txt'),
				(await page.$$eval('[data-test-id]', (elements) => elements.map((element) => element.getAttribute('data-test-id'))).catch(() => [])).join('\n'),
			);
			throw error;
		}
	} finally {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
}

async function main() {
	const install = ensureN8n();
	ensureBuilt();
	const base = path.join(LOCAL, `screenshots-${install.version}`);
	const userFolder = path.join(base, 'user');
	const logsDir = path.join(base, 'logs');
	fs.rmSync(base, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	fs.mkdirSync(logsDir, { recursive: true });
	fs.mkdirSync(OUT_DIR, { recursive: true });
	installPackage(userFolder);

	const emulator = await startEmulator(0);
	let server;
	try {
		const [wf] = loadWorkflows([WORKFLOW_FILE]);
		const { projects } = resetEmulator(emulator);
		const { data } = emulatorCredential(emulator, projects[0]);
		await importAll(install, userFolder, credentialRecords(credentialIds([wf.workflow]), data), [wf]);
		const owner = ownerAccount(install);
		server = await startServer(install, userFolder, { port: await freePort(), env: owner.env, logFile: path.join(logsDir, 'n8n-start.log') });
		await ensureOwner(server.url, owner);
		log(`n8n ${install.version} at ${server.url}; screenshots:`);
		const files = await photograph(server, owner, wf, logsDir);
		const bought = emulator.requests.filter((entry) => entry.method === 'POST' && /\/phoneNumberInstances$/.test(entry.path) && entry.status === 200);
		if (bought.length !== 1) throw new Error(`expected the workflow to buy one number, the emulator saw ${bought.length} creates`);
		log(`PASS ${files.length} screenshots (${VIEWPORT.width}×${VIEWPORT.height}) of n8n ${install.version}`);
	} finally {
		if (server) await server.stop();
		await emulator.close();
	}
}

main().catch((error) => {
	process.stderr.write(`docs:screenshots: ${error.stack || error.message}\n`);
	process.exitCode = 1;
});
