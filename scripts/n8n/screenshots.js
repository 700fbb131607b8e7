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
 * Env: N8N_VERSION (default 2.40.7), N8N_LOCAL_DIR, CHROMIUM_PATH (default /usr/bin/chromium),
 * ENFONICA_SCREENSHOTS_DIR (default docs/images).
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const lib = require('./lib');

const WORKFLOW_FILE = path.join(lib.EXAMPLES_DIR, 'findAndBuy.json');
const OUT_DIR = process.env.ENFONICA_SCREENSHOTS_DIR ? path.resolve(process.env.ENFONICA_SCREENSHOTS_DIR) : path.join(lib.ROOT, 'docs', 'images');
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

/** Closes whatever n8n pops up over the canvas on a first visit (news, tours, banners). */
async function dismissPopups(page) {
	await page.keyboard.press('Escape');
	for (const name of ['Close', 'Got it', 'Skip', 'Dismiss']) {
		const button = page.getByRole('button', { name, exact: true });
		if (await button.count()) await button.first().click({ timeout: 2000 }).catch(() => {});
	}
}

async function shoot(page, name) {
	const file = path.join(OUT_DIR, `${name}.png`);
	await page.screenshot({ path: file });
	lib.log(`  ${path.relative(lib.ROOT, file)}`);
	return file;
}

/** Shows a node's output as n8n's Schema view: one field a line, every field visible. */
async function outputAsSchema(page) {
	const modes = page.getByTestId('output-panel').getByTestId('ndv-run-data-display-mode');
	await modes.getByText('Schema', { exact: true }).click();
	await page.waitForTimeout(800);
}

async function closeToasts(page) {
	for (const close of await page.locator('.el-notification__closeBtn').all()) await close.click().catch(() => {});
	await page.waitForTimeout(500);
}

async function openNode(page, name) {
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.getByTestId('ndv').waitFor({ state: 'visible', timeout: 20000 });
	await page.waitForTimeout(1500); // let the panels lay out their tables
}

async function closeNode(page) {
	await page.keyboard.press('Escape');
	await page.getByTestId('ndv').waitFor({ state: 'hidden', timeout: 10000 });
}

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
						const node = document.querySelector(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
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
	const install = lib.ensureN8n();
	lib.ensureBuilt();
	const base = path.join(lib.LOCAL, `screenshots-${install.version}`);
	const userFolder = path.join(base, 'user');
	const logsDir = path.join(base, 'logs');
	fs.rmSync(base, { recursive: true, force: true });
	fs.mkdirSync(userFolder, { recursive: true });
	fs.mkdirSync(logsDir, { recursive: true });
	fs.mkdirSync(OUT_DIR, { recursive: true });
	lib.installPackage(userFolder);

	const emulator = await lib.startEmulator(0);
	let server;
	try {
		const [wf] = lib.loadWorkflows([WORKFLOW_FILE]);
		const { projects } = lib.resetEmulator(emulator);
		const { data } = lib.emulatorCredential(emulator, projects[0]);
		await lib.importAll(install, userFolder, lib.credentialRecords(lib.credentialIds([wf.workflow]), data), [wf]);
		const owner = lib.ownerAccount(install);
		server = await lib.startServer(install, userFolder, { port: await lib.freePort(), env: owner.env, logFile: path.join(logsDir, 'n8n-start.log') });
		await lib.ensureOwner(server.url, owner);
		lib.log(`n8n ${install.version} at ${server.url}; screenshots:`);
		const files = await photograph(server, owner, wf, logsDir);
		const bought = emulator.requests.filter((entry) => entry.method === 'POST' && /\/phoneNumberInstances$/.test(entry.path) && entry.status === 200);
		if (bought.length !== 1) throw new Error(`expected the workflow to buy one number, the emulator saw ${bought.length} creates`);
		lib.log(`PASS ${files.length} screenshots (${VIEWPORT.width}×${VIEWPORT.height}) of n8n ${install.version}`);
	} finally {
		if (server) await server.stop();
		await emulator.close();
	}
}

main().catch((error) => {
	process.stderr.write(`docs:screenshots: ${error.stack || error.message}\n`);
	process.exitCode = 1;
});
