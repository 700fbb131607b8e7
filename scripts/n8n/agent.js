'use strict';
/**
 * The Enfonica node as an AI agent's tool in a real n8n (part of `npm run test:n8n`).
 *
 * The example examples/aiAgentBuyWithApproval.json runs as published: its Webhook is called on
 * the running n8n, its AI Agent talks to an OpenAI Chat Model whose credential points at a
 * scripted OpenAI-compatible server on loopback (modelServer.js: it answers with tool calls, then
 * a final message), its tools are the Enfonica node (Search numbers for sale, List our numbers,
 * Buy a number) with $fromAI parameters, and Buy goes through n8n's review for tools (Send Email's
 * review node, to a local SMTP sink), and the agent's answer is emailed to the requester. Two
 * requests: one approved, one declined.
 *
 * Checked: the tool calls reach the emulator with the arguments the script chose; the size of
 * each tool result per number; a bad argument comes back to the model as text it can act on, with
 * no request sent; nothing is bought while the review waits; approve buys exactly once, decline
 * buys nothing and tells the model so; the requester gets the agent's answer.
 */
const fs = require('node:fs');
const path = require('node:path');
const { sleep, waitFor } = require('./util');
const { resetEmulator } = require('./emulator');
const { executionDetail, executionsOf } = require('./editorApi');

const AGENT_TYPE = '@n8n/n8n-nodes-langchain.agent';
const WEBHOOK_TYPE = 'n8n-nodes-base.webhook';
const SEARCH_ARGS = { countryCode: 'AU', prefix: '2' };
// A country name where the tool wants an ISO code: the node refuses it before any request.
const BAD_SEARCH_ARGS = { countryCode: 'Australia', prefix: '2' };
const LIST_ARGS = { limit: 2 };
const DISPLAY_NAME = 'Sydney SMS line';
const REQUESTER = 'requester@example.com';
// The review links ignore requests that look like bots; a person clicks them in a browser.
const BROWSER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
// Per number, what the agent gets back (compact: the simplified output, not Enfonica's objects).
const MAX_BYTES_PER_SEARCH_RESULT = 300;
const MAX_BYTES_PER_INSTANCE = 450;
const FINAL_STATES = new Set(['success', 'error', 'crashed', 'canceled']);

/** @typedef {Awaited<ReturnType<typeof import('./modelServer').startModelServer>>} ModelServer */
/** @typedef {Awaited<ReturnType<typeof import('./smtpSink').startSmtpSink>>} SmtpSink */
/** @typedef {{ role: string, content?: unknown, tool_call_id?: string, tool_calls?: Array<{ id: string, function: { name: string, arguments?: string } }> }} ChatMessage */
/** @typedef {{ model: string, messages?: ChatMessage[], tools?: Array<{ function: ChatTool }> }} ChatRequest A chat completion request, as n8n's OpenAI Chat Model sends it. */
/** @typedef {{ name: string, description?: string, parameters?: { properties?: Record<string, unknown> } }} ChatTool */
/**
 * @typedef {object} AgentContext
 * @property {import('./types').Install} install
 * @property {import('./types').N8nServer} server
 * @property {import('./types').Session} session
 * @property {import('./types').WorkflowInfo} wf
 * @property {import('./types').Emulator} emulator
 * @property {ModelServer} model
 * @property {SmtpSink} smtp
 */
/**
 * @typedef {object} Conversation What one request to the agent showed.
 * @property {'approve' | 'decline'} decision
 * @property {string[]} problems
 * @property {import('./modelServer').ModelCall[]} calls
 * @property {import('./types').RequestLogEntry[]} requests
 * @property {number} ms
 * @property {any} [paused] the execution once it waited for the review (or ended)
 * @property {number} [boughtWhileWaiting]
 * @property {import('./smtpSink').Mail | null} [mail] the review email
 * @property {number} [clicked] the HTTP status of the review link
 * @property {any} [final] the execution once finished
 * @property {import('./smtpSink').Mail | null} [answer] the agent's answer, emailed
 */

/** @param {import('./types').Workflow} workflow */
function isAgentWorkflow(workflow) {
	return (workflow.nodes || []).some((node) => node.type === AGENT_TYPE);
}

/**
 * n8n derives review nodes for tools (…HitlTool) from its loader's tool-generation/hitl-tools.
 * @param {import('./types').Install} install
 */
function hasToolReview(install) {
	return fs.existsSync(path.join(path.dirname(install.n8n), '..', 'dist', 'tool-generation', 'hitl-tools.js'));
}

/**
 * The credentials the agent example names, pointed at the scripted model and the SMTP sink.
 * @param {import('./types').Workflow[]} workflows @param {ModelServer} model @param {SmtpSink} smtp
 * @returns {import('./types').CredentialRecord[]}
 */
function agentCredentials(workflows, model, smtp) {
	/** @type {Map<string, import('./types').CredentialRecord>} */
	const records = new Map();
	for (const workflow of workflows) {
		for (const node of workflow.nodes || []) {
			const refs = node.credentials || {};
			if (refs.openAiApi) records.set(refs.openAiApi.id, { ...refs.openAiApi, type: 'openAiApi', data: { apiKey: 'scripted-model-key', url: model.baseUrl } });
			if (refs.smtp) {
				records.set(refs.smtp.id, { ...refs.smtp, type: 'smtp', data: { user: '', password: '', host: smtp.host, port: smtp.port, secure: false, disableStartTls: true } });
			}
		}
	}
	return [...records.values()];
}

/**
 * The example as the test imports it: any model id works with the scripted server.
 * @param {import('./types').WorkflowInfo} wf
 */
function prepareAgentWorkflow(wf) {
	for (const node of wf.workflow.nodes) {
		if (node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi') node.parameters = { ...node.parameters, model: { __rl: true, mode: 'id', value: 'scripted-model' } };
	}
	return wf;
}

/** @param {ChatRequest} request */
function toolMessages(request) {
	return (request.messages || []).filter((message) => message.role === 'tool');
}

/** @param {ChatRequest} request */
function userText(request) {
	const users = (request.messages || []).filter((message) => message.role === 'user');
	const content = users.length ? users[users.length - 1].content : '';
	return typeof content === 'string' ? content : JSON.stringify(content);
}

/** @param {ChatMessage} message */
function contentText(message) {
	return typeof message.content === 'string' ? message.content : JSON.stringify(message.content);
}

/**
 * The scripted model. A conversation asking to "check first" makes a bad search, a good one, a
 * listing, then buys; otherwise it searches and buys. The number it buys is the first one its
 * search returned; its last message says whether the purchase went through.
 * @param {ChatRequest} request @returns {import('./modelServer').ScriptStep}
 */
function agentScript(request) {
	const tools = (request.tools || []).map((tool) => tool.function);
	const search = tools.find((tool) => /search/i.test(tool.name));
	const list = tools.find((tool) => /list/i.test(tool.name));
	const buy = tools.find((tool) => tool !== search && tool !== list);
	if (!search || !list || !buy) throw new Error(`expected search, list and buy tools, got ${tools.map((tool) => tool.name).join(', ')}`);
	const results = toolMessages(request);
	const thorough = /check first/i.test(userText(request));
	const searched = () => contentText(results[thorough ? 1 : 0]);
	const chosen = () => {
		const match = /"phoneNumber"\s*:\s*"(\+\d+)"/.exec(searched());
		if (!match) throw new Error(`no phoneNumber in the search result: ${searched().slice(0, 300)}`);
		return match[1];
	};
	const buyArguments = () => {
		const wanted = { phoneNumber: chosen(), displayName: DISPLAY_NAME };
		const properties = (buy.parameters && buy.parameters.properties) || {};
		return properties.toolParameters ? { toolParameters: wanted, hitlParameters: {} } : wanted;
	};
	const plan = thorough
		? [() => ({ name: search.name, arguments: BAD_SEARCH_ARGS }), () => ({ name: search.name, arguments: SEARCH_ARGS }), () => ({ name: list.name, arguments: LIST_ARGS }), () => ({ name: buy.name, arguments: buyArguments() })]
		: [() => ({ name: search.name, arguments: SEARCH_ARGS }), () => ({ name: buy.name, arguments: buyArguments() })];
	if (results.length < plan.length) return { toolCall: plan[results.length]() };
	const outcome = contentText(results[results.length - 1]);
	return { content: /phoneNumberInstances\//.test(outcome) ? `Bought ${chosen()} as "${DISPLAY_NAME}".` : `I did not buy ${chosen()}: the purchase was not approved.` };
}

/**
 * Each tool call of a conversation with the result the agent sent back, from its last request.
 * @param {ChatRequest} request
 */
function toolExchanges(request) {
	/** @type {Map<string, { name: string, arguments: any }>} */
	const calls = new Map();
	for (const message of request.messages || []) {
		for (const call of message.tool_calls || []) calls.set(call.id, { name: call.function.name, arguments: JSON.parse(call.function.arguments || '{}') });
	}
	return toolMessages(request).map((message) => ({ ...calls.get(message.tool_call_id || ''), result: contentText(message) }));
}

/** @param {import('./types').RequestLogEntry} entry */
function isCreate(entry) {
	return entry.method === 'POST' && /\/phoneNumberInstances$/.test(entry.path);
}

/** @param {import('./types').RequestLogEntry} entry */
function isSearch(entry) {
	return entry.method === 'GET' && /\/phoneNumbers:search$/.test(entry.path);
}

/**
 * Where the example takes requests: its Webhook's production URL.
 * @param {string} baseUrl @param {import('./types').WorkflowInfo} wf
 */
function requestUrl(baseUrl, wf) {
	const webhook = wf.workflow.nodes.find((node) => node.type === WEBHOOK_TYPE);
	if (!webhook) throw new Error(`${wf.relative} has no Webhook node to send requests to`);
	return `${baseUrl}/webhook/${(webhook.parameters || {}).path}`;
}

/**
 * POSTs a request to the example; retried while the production webhook is not registered yet (404).
 * @param {string} url @param {unknown} body @returns {Promise<{ status: number, body: string }>}
 */
async function sendRequest(url, body) {
	for (let attempt = 1; ; attempt++) {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		if (response.status !== 404 || attempt >= 20) return { status: response.status, body: await response.text() };
		await sleep(500);
	}
}

/** @param {import('./smtpSink').Mail} mail */
function mailSubject(mail) {
	return (/^Subject: (.*)$/m.exec(mail.text) || [])[1] || '';
}

/**
 * An email as `npm run n8n` prints it: a review's links to open, or an answer's text.
 * @param {import('./smtpSink').Mail} mail
 */
function describeMail(mail) {
	const links = reviewLinks(mail);
	const body = links.length
		? links.map((link) => `  ${/approved=true/.test(link) ? 'approve' : 'decline'}: ${link}`).join('\n')
		: `  ${(mail.text.split(/\r?\n\r?\n/).slice(1).join('\n').trim() || '').slice(0, 500)}`;
	return `\nEmail to ${mail.to.join(', ')}: "${mailSubject(mail)}"${links.length ? ' (open one link in your browser)' : ''}\n${body}`;
}

/**
 * The approve / decline links of a review email (HTML, quoted-printable decoded).
 * @param {import('./smtpSink').Mail} mail
 */
function reviewLinks(mail) {
	const links = mail.text.match(/https?:\/\/[^"'\s<>]*webhook-waiting[^"'\s<>]*/g) || [];
	return [...new Set(links.map((link) => link.replace(/&amp;/g, '&')))];
}

/**
 * One request: tool calls → review (approve or decline) → the agent's answer, emailed.
 * @param {AgentContext & { request: string, decision: 'approve' | 'decline' }} context
 * @returns {Promise<Conversation>}
 */
async function converse({ install, server, session, wf, emulator, model, smtp, request, decision }) {
	const started = Date.now();
	const before = { calls: model.calls.length, mails: smtp.messages.length, requests: emulator.requests.length };
	/** @type {Conversation} */
	const result = { decision, problems: [], calls: [], requests: [], ms: 0 };
	// What the model and Enfonica saw of this conversation, however far it got.
	const finish = () => Object.assign(result, { calls: model.calls.slice(before.calls), requests: emulator.requests.slice(before.requests), ms: Date.now() - started });
	const known = new Set((await executionsOf(session, wf.id)).map((execution) => execution.id));
	const sent = await sendRequest(requestUrl(server.url, wf), { request, email: REQUESTER }).catch((error) => ({ status: 0, body: String(error.message) }));
	if (sent.status !== 200) {
		result.problems.push(`POST ${requestUrl(server.url, wf)}: ${sent.status} ${sent.body.slice(0, 200)}`);
		return finish();
	}
	const newest = async () => (await executionsOf(session, wf.id)).find((execution) => !known.has(execution.id));
	const paused = await waitFor(async () => {
		const execution = await newest();
		return execution && (execution.status === 'waiting' || FINAL_STATES.has(execution.status)) ? execution : null;
	}, 120000, 1000);
	result.paused = paused;
	if (!paused) {
		result.problems.push('no execution reached the review (waiting) within 120 s');
		return finish();
	}
	result.boughtWhileWaiting = emulator.requests.slice(before.requests).filter(isCreate).length;
	if (paused.status !== 'waiting') {
		result.problems.push(`the execution ended (${paused.status}) instead of waiting for the review`);
	} else {
		const mail = await waitFor(() => smtp.messages[before.mails], 15000, 250);
		const links = mail ? reviewLinks(mail) : [];
		const link = links.find((candidate) => candidate.includes(`approved=${decision === 'approve'}`));
		result.mail = mail;
		if (!link) {
			result.problems.push(mail ? `no ${decision} link in the review email: ${links.join(', ') || mail.text.slice(0, 300)}` : 'no review email reached the SMTP sink');
		} else {
			const clicked = await fetch(link, { headers: { 'user-agent': BROWSER_UA, accept: 'text/html' } });
			result.clicked = clicked.status;
		}
	}
	result.final = await waitFor(async () => {
		const execution = await executionDetail(install, session, paused.id).catch(() => null);
		return execution && execution.status && FINAL_STATES.has(execution.status) ? execution : null;
	}, 120000, 1000);
	if (!result.final) result.problems.push(`execution ${paused.id} did not finish within 120 s of the review`);
	result.answer = await waitFor(() => smtp.messages.slice(before.mails).find((mail) => mail.to.some((to) => to.includes(REQUESTER))), 15000, 250);
	return finish();
}

/** @param {string} text */
function bytesPerNumber(text) {
	let items;
	try {
		items = JSON.parse(text);
	} catch {
		return null;
	}
	const list = Array.isArray(items) ? items : [items];
	return { count: list.length, bytes: Buffer.byteLength(text), perNumber: Math.round(Buffer.byteLength(text) / Math.max(list.length, 1)) };
}

/**
 * Runs both conversations and records what they show.
 * @param {AgentContext & { record: import('./report').Report['record'], logsDir: string }} context
 */
async function checkAgent({ install, server, session, wf, emulator, model, smtp, record, logsDir }) {
	if (!hasToolReview(install)) {
		record({ label: 'AI agent with the Enfonica tools', skipped: true, summary: `n8n ${install.version} derives no review nodes for tools (…HitlTool), which the agent example uses` });
		return;
	}
	resetEmulator(emulator);
	const approved = await converse({ install, server, session, wf, emulator, model, smtp, request: 'Check first, then find a Sydney number with SMS and buy it.', decision: 'approve' });
	const declined = await converse({ install, server, session, wf, emulator, model, smtp, request: 'Find a Sydney number with SMS and buy it.', decision: 'decline' });
	fs.writeFileSync(path.join(logsDir, 'agent-model-calls.json'), JSON.stringify({ approved: approved.calls, declined: declined.calls }, null, 2));

	/** @param {Conversation} conversation @returns {ChatRequest} */
	const lastRequest = (conversation) => ((conversation.calls || []).filter((call) => call.request).slice(-1)[0] || {}).request || {};
	const exchanges = toolExchanges(lastRequest(approved));
	const scriptErrors = [...(approved.calls || []), ...(declined.calls || [])].filter((call) => call.error || call.unexpected);
	const conversationProblems = [...approved.problems, ...declined.problems, ...scriptErrors.map((call) => `model server: ${call.error || call.unexpected}`)];

	// 1. Tool calls reach Enfonica with the model's arguments.
	{
		const problems = [...conversationProblems];
		const searches = approved.requests.filter(isSearch);
		const good = searches.filter((entry) => entry.query.countryCode === SEARCH_ARGS.countryCode && entry.query.prefix === SEARCH_ARGS.prefix && entry.query.supportsSms === 'true');
		if (good.length !== 1) problems.push(`expected one search with countryCode=AU, prefix=2, supportsSms=true; the emulator saw ${searches.map((entry) => JSON.stringify(entry.query)).join(' ') || 'none'}`);
		const lists = approved.requests.filter((entry) => entry.method === 'GET' && /\/projects\/[^/]+\/phoneNumberInstances$/.test(entry.path));
		if (!lists.length) problems.push('the List our numbers call sent no listing');
		const listed = exchanges.find((exchange) => exchange.arguments && exchange.arguments.limit === LIST_ARGS.limit);
		const listedCount = listed && bytesPerNumber(listed.result);
		if (!listedCount || listedCount.count !== LIST_ARGS.limit) problems.push(`List our numbers with limit ${LIST_ARGS.limit} returned ${listedCount ? listedCount.count : 'no parsable'} items`);
		const creates = approved.requests.filter(isCreate);
		const chosen = /"phoneNumber"\s*:\s*"(\+\d+)"/.exec((exchanges[1] || {}).result || '');
		const body = /** @type {Record<string, any> | undefined} */ (creates[0] && creates[0].body);
		const sent = body && body.phoneNumber && (body.phoneNumber.phoneNumber || body.phoneNumber);
		if (creates.length !== 1) problems.push(`expected exactly one purchase after approval, the emulator saw ${creates.length}`);
		else if (!chosen || sent !== chosen[1] || !body || body.displayName !== DISPLAY_NAME) problems.push(`bought ${JSON.stringify(body)}, the model asked for ${chosen ? chosen[1] : '?'} as "${DISPLAY_NAME}"`);
		record({
			label: 'AI agent: tool calls reach Enfonica with the arguments the model chose',
			ok: problems.length === 0,
			ms: approved.ms,
			problems,
			summary: `search ${JSON.stringify(good[0] ? good[0].query : {})}; list ${lists.length ? `pageSize ${lists[0].query.pageSize}` : '-'}; create ${JSON.stringify(body || {})}; tools offered: ${(lastRequest(approved).tools || []).map((tool) => tool.function.name).join(', ')}`,
		});
	}

	// 1b. What the model reads about each tool: buying says it costs money.
	{
		const offered = (lastRequest(approved).tools || []).map((tool) => tool.function);
		const buy = offered.find((tool) => /buy/i.test(tool.name));
		const problems = [...(buy ? [] : ['no Buy tool offered'])];
		if (buy && !/costs? money|charge/i.test(buy.description || '')) problems.push(`the Buy tool's description does not say it costs money: ${JSON.stringify(buy.description)}`);
		record({
			label: "AI agent: the Buy tool's description, as the model reads it, says it costs money",
			ok: problems.length === 0,
			problems,
			summary: offered.map((tool) => `${tool.name}: ${JSON.stringify(tool.description)}`).join('; '),
		});
	}

	// 2. Tool results are compact.
	{
		const problems = [];
		const search = bytesPerNumber((exchanges[1] || {}).result || '');
		const list = bytesPerNumber((exchanges[2] || {}).result || '');
		if (!search || search.perNumber > MAX_BYTES_PER_SEARCH_RESULT) problems.push(`search result: ${search ? `${search.perNumber} bytes per number` : 'not JSON'} (at most ${MAX_BYTES_PER_SEARCH_RESULT})`);
		if (!list || list.perNumber > MAX_BYTES_PER_INSTANCE) problems.push(`Get Many result: ${list ? `${list.perNumber} bytes per number` : 'not JSON'} (at most ${MAX_BYTES_PER_INSTANCE})`);
		const describe = (/** @type {ReturnType<typeof bytesPerNumber>} */ size) => (size ? `${size.count} numbers, ${size.bytes} bytes (${size.perNumber} per number)` : '?');
		record({ label: 'AI agent: each tool result is compact', ok: problems.length === 0, problems, summary: `search: ${describe(search)}; Get Many: ${describe(list)}` });
	}

	// 3. A bad argument comes back as text the model can act on, and sends nothing.
	{
		const problems = [];
		const bad = exchanges[0] || {};
		const text = bad.result || '';
		if (!/country code/i.test(text)) problems.push(`the tool result does not name the Country Code field: ${text.slice(0, 300)}`);
		if (!text.toLowerCase().includes(BAD_SEARCH_ARGS.countryCode.toLowerCase())) problems.push('the tool result does not quote the value given');
		if (/\n\s+at /.test(text)) problems.push('the tool result carries a stack trace');
		if (approved.requests.some((entry) => isSearch(entry) && entry.query.countryCode === BAD_SEARCH_ARGS.countryCode)) problems.push('a search with the bad country code reached Enfonica');
		if (exchanges.length < 2) problems.push('the agent did not go on after the error');
		record({ label: 'AI agent: a bad argument comes back as text the model can act on (no request sent)', ok: problems.length === 0, problems, summary: JSON.stringify(text.slice(0, 240)) });
	}

	// 4. Buying waits for the review: approve buys once, decline buys nothing.
	{
		const problems = [...conversationProblems];
		for (const conversation of [approved, declined]) {
			if (conversation.boughtWhileWaiting) problems.push(`${conversation.decision}: ${conversation.boughtWhileWaiting} purchase(s) reached Enfonica before the review`);
			if (conversation.final && conversation.final.status !== 'success') problems.push(`${conversation.decision}: execution ${conversation.final.id} ended ${conversation.final.status}`);
		}
		const declinedCreates = (declined.requests || []).filter(isCreate).length;
		if (declinedCreates) problems.push(`declined: ${declinedCreates} purchase(s) reached Enfonica`);
		const declinedExchanges = toolExchanges(lastRequest(declined));
		const refusal = (declinedExchanges[declinedExchanges.length - 1] || {}).result || '';
		if (!/reject|declin|denied|not approved|disapprov/i.test(refusal)) problems.push(`declined: the model was not told the call was rejected: ${refusal.slice(0, 200)}`);
		const answers = [approved, declined].map((conversation) => ((conversation.calls || []).slice(-1)[0] || {}).step || {});
		if (!/^Bought /.test(answers[0].content || '')) problems.push(`approved: the agent's last answer was ${JSON.stringify(answers[0])}`);
		if (!/did not buy/.test(answers[1].content || '')) problems.push(`declined: the agent's last answer was ${JSON.stringify(answers[1])}`);
		for (const [index, conversation] of [approved, declined].entries()) {
			const expected = answers[index].content || '?';
			if (!conversation.answer) problems.push(`${conversation.decision}: no answer emailed to ${REQUESTER}`);
			else if (!conversation.answer.text.includes(expected)) problems.push(`${conversation.decision}: the answer emailed does not hold the agent's answer ${JSON.stringify(expected)}`);
		}
		record({
			label: "AI agent: Buy waits for n8n's review for tools (email); approve buys once, decline buys nothing; the answer is emailed",
			ok: problems.length === 0,
			ms: (approved.ms || 0) + (declined.ms || 0),
			problems,
			summary: `waiting ${approved.paused ? approved.paused.status : '?'}/${declined.paused ? declined.paused.status : '?'} with 0 purchases; review email "${approved.mail ? mailSubject(approved.mail) : '?'}"; links answered ${approved.clicked}/${declined.clicked}; declined tool result ${JSON.stringify(refusal.slice(0, 120))}; answers: ${answers.map((answer) => JSON.stringify(answer.content)).join(' / ')}`,
		});
	}
}

module.exports = { agentCredentials, agentScript, checkAgent, describeMail, hasToolReview, isAgentWorkflow, mailSubject, prepareAgentWorkflow, requestUrl, reviewLinks };
