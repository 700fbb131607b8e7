'use strict';
/**
 * npm run test:n8n -- --queue — the package in n8n's queue mode, the way n8n scales:
 * PostgreSQL and Redis (Debian's packages, installed if missing, on loopback, stopped at the
 * end), n8n main and two `n8n worker`s, each with the package installed in its own user folder.
 *
 *  1. every manual example, started through a production webhook on main, runs on a worker;
 *  2. token renewal across workers; 3. Options → Concurrency and the 429 gate on a worker;
 *  4. the Enfonica Trigger, polled by main, its execution run by a worker;
 *  5. the restart drill (drill.js) with main and one worker restarted, with n8n's defaults and
 *     with durable poll cursors (the trigger's option off and on).
 * Logs: .n8n-local/queue-<version>/<part>/logs/.
 */
const fs = require('node:fs');
const path = require('node:path');
const { log, ROOT, seconds } = require('../util');
const { importAll } = require('../n8n');
const { ensureOwner, login } = require('../editorApi');
const { createReport } = require('../report');
const { prepare } = require('../setup');
const { runDrill } = require('../drill');
const { drillConfigs } = require('../drill-mode');
const { activate, queueTopology } = require('../topologies');
const { ensurePackages, startPostgres, startRedis } = require('./services');
const { createCluster } = require('./cluster');
const { webhookCopy } = require('./webhooks');
const queueChecks = require('./checks');
const { checkInbound, inboundWorkflows } = require('../inbound');

/**
 * @typedef {{ setup: Awaited<ReturnType<typeof prepare>>, report: import('../report').Report, pg: import('./services').Postgres, redis: import('./services').Redis, base: string }} QueueContext
 * @param {QueueContext} context
 */
async function mainChecks({ setup, report, pg, redis, base }) {
	const { install, emulator, workflows, triggerWf, credentials, owner } = setup;
	const copies = workflows.filter((wf) => !wf.isTrigger && wf.manualStart && !wf.pinnedInput).map(webhookCopy);
	const credentialRef = copies.length ? copies[0].enfonicaNodes[0].credentials : { enfonicaApi: { id: credentials[0].id, name: credentials[0].name } };
	const concurrency = queueChecks.concurrencyWorkflow(credentialRef);
	const inbound = process.env.ENFONICA_N8N_SKIP_INBOUND === '1' ? [] : inboundWorkflows();
	const cluster = await report.phase('queue: user folders + package (main, 2 workers)', () => createCluster({ install, base, pg, redis, owner }));
	try {
		// The trigger is activated only for its own check (through main's REST API): the examples
		// reset the emulator's sample data, which it would otherwise report as changes.
		await report.phase('queue: import into PostgreSQL', () =>
			importAll(install, cluster.folders.main, credentials, [...copies, concurrency, ...(triggerWf ? [triggerWf] : []), ...inbound], cluster.shared),
		);
		const { mainMs, workersMs } = await report.phase('queue: start main, then 2 workers', () => cluster.start());
		log(`main ready in ${seconds(mainMs)} (${cluster.url}), workers ${cluster.workerNames.join(', ')} ready ${seconds(workersMs)} later; one encryption key, PostgreSQL :${pg.port}, Redis :${redis.port}`);
		await ensureOwner(cluster.url, owner);
		const session = await login(cluster.url, owner.email, owner.password);
		// Published through main's REST API, as the editor does: main registers their webhooks.
		await report.phase('queue: activate the webhook workflows (REST)', async () => {
			for (const wf of [...copies, concurrency]) await activate(install, session, wf.id);
		});
		const context = { install, cluster, session, emulator, report };

		log('\nEvery manual example, started by a webhook on main, run by a worker:');
		const ranOn = await report.phase('queue: examples on workers', () => queueChecks.examplesOnWorkers({ ...context, copies }));
		log(`        executions per worker: ${Object.entries(ranOn).map(([name, count]) => `${name} ${count}`).join(', ')}`);

		log('\nToken renewal across workers:');
		await report.phase('queue: token renewal across workers', () =>
			queueChecks.tokenAcrossWorkers({ ...context, getCopy: copies.find((wf) => /get\.json$/.test(wf.relative)) }),
		);

		log('\nOptions → Concurrency and a 429 on a worker:');
		await report.phase('queue: Concurrency + 429 gate', () => queueChecks.concurrencyOnWorker({ ...context, wf: concurrency }));

		if (triggerWf) {
			log('\nThe Enfonica Trigger in queue mode:');
			await report.phase('queue: trigger polled by main, run by a worker', () => queueChecks.triggerOnWorkers({ ...context, triggerWf }));
		}

		if (inbound.length) {
			log('\nThe Enfonica Inbound Trigger in queue mode (requests on main, executions on workers):');
			await report.phase('queue: inbound trigger, webhook on main, run by a worker', () =>
				checkInbound({ install, session, emulator, workflows: inbound, report, cluster, labelSuffix: ' [queue]' }),
			);
		}
	} finally {
		await cluster.stopAll();
	}
}

/** @param {QueueContext} context */
async function drills({ setup, report, pg, redis, base }) {
	const { install, emulator, triggerWf, credentials, owner } = setup;
	if (!triggerWf) return;
	for (const config of drillConfigs(install)) {
		if (config.skip) {
			report.record({ label: `drill [queue ${config.key}] ${config.title}`, skipped: true, summary: config.skip });
			continue;
		}
		log(`\nRestart drill in queue mode, ${config.title} (main and worker-1 restarted):`);
		// A database of its own per configuration: nothing of the earlier runs is active in it.
		const database = await pg.createDatabase(`n8n_drill_${config.key}`);
		const cluster = createCluster({ install, base: path.join(base, `drill-${config.key}`), pg: database, redis, owner, env: config.env });
		const topology = queueTopology({ install, cluster, credentials, owner });
		try {
			await report.phase(`queue: drill [${config.key}]`, () =>
				runDrill({ install, emulator, topology, triggerWf, configKey: `queue ${config.key}`, nodeOptions: config.options, report }),
			);
		} catch (error) {
			report.record({ label: `drill [queue ${config.key}]`, ok: false, problems: [error.message] });
		} finally {
			await topology.stopAll();
		}
	}
}

async function main() {
	const report = createReport();
	const setup = await prepare(report, 'test:n8n --queue — the package in n8n queue mode: main + 2 workers, PostgreSQL, Redis');
	const { install, emulator } = setup;
	const base = setup.base('queue');
	fs.rmSync(base, { recursive: true, force: true });
	/** @type {import('./services').Postgres | null} */
	let pg = null;
	/** @type {import('./services').Redis | null} */
	let redis = null;
	try {
		const installed = await report.phase('queue: PostgreSQL + Redis (install if missing)', () => ensurePackages());
		if (installed.length) log(`installed from Debian's packages: ${installed.join(', ')}`);
		[pg, redis] = await report.phase('queue: start PostgreSQL + Redis', () => Promise.all([startPostgres('n8n'), startRedis()]));
		log(`${pg.version} on 127.0.0.1:${pg.port} (a throw-away data folder); ${redis.version.split(' sha=')[0]} on 127.0.0.1:${redis.port}`);
		try {
			await mainChecks({ setup, report, pg, redis, base: path.join(base, 'main-checks') });
		} catch (error) {
			report.record({ label: 'queue mode', ok: false, problems: [error.stack || error.message] });
		}
		if (setup.triggerWf && process.env.ENFONICA_N8N_SKIP_DRILL !== '1') await drills({ setup, report, pg, redis, base });
	} catch (error) {
		report.record({ label: 'queue mode', ok: false, problems: [error.stack || error.message] });
	} finally {
		await report.phase('queue: stop PostgreSQL + Redis', async () => {
			if (redis) await redis.stop();
			if (pg) await pg.stop();
		});
		await emulator.close();
	}
	process.exitCode = report.finish(`queue mode, n8n ${install.version}, PostgreSQL ${pg ? pg.version.replace(/^.*\) ([\d.]+).*$/, '$1') : '?'}, Redis ${redis ? redis.version.replace(/^.*v=(\S+).*$/, '$1') : '?'}`);
	log(`Logs: ${path.relative(ROOT, base)}/*/logs/`);
}

module.exports = { main };
