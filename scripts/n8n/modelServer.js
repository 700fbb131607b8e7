'use strict';
/**
 * A scripted OpenAI-compatible chat model on 127.0.0.1, for n8n's OpenAI Chat Model node: no
 * model, no internet. Every `POST /v1/chat/completions` is answered by `script(request)`, which
 * returns either `{ toolCall: { name, arguments } }` (answered with finish_reason "tool_calls")
 * or `{ content }` (the final message). Every request and answer is kept in `calls`.
 */
const http = require('node:http');

/** @typedef {{ toolCall?: { name: string, arguments: unknown }, content?: string }} ScriptStep What the script answers a request with. */
/** @typedef {{ request?: any, step?: ScriptStep, answer?: unknown, error?: string, unexpected?: string }} ModelCall */

let nextId = 1;

/** @param {string} model @param {Record<string, unknown>} message @param {string} finishReason */
function completion(model, message, finishReason) {
	return {
		id: `chatcmpl-scripted-${nextId++}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
		usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
	};
}

/**
 * The answer to one request, as the OpenAI API would send it.
 * @param {{ model: string }} request @param {ScriptStep} step
 */
function answer(request, step) {
	if (step.toolCall) {
		const call = { id: `call_${nextId++}`, type: 'function', function: { name: step.toolCall.name, arguments: JSON.stringify(step.toolCall.arguments) } };
		return completion(request.model, { role: 'assistant', content: null, tool_calls: [call] }, 'tool_calls');
	}
	return completion(request.model, { role: 'assistant', content: step.content }, 'stop');
}

/** @param {import('node:http').IncomingMessage} req @returns {Promise<string>} */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** @param {(request: any) => ScriptStep} script */
async function startModelServer(script) {
	/** @type {ModelCall[]} */
	const calls = [];
	const server = http.createServer(async (req, res) => {
		/** @param {number} status @param {unknown} body */
		const send = (status, body) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method !== 'POST' || !/\/chat\/completions$/.test(req.url || '')) {
			calls.push({ unexpected: `${req.method} ${req.url}` });
			return send(404, { error: { message: `the scripted model answers only POST /v1/chat/completions, not ${req.method} ${req.url}`, type: 'invalid_request_error' } });
		}
		let request;
		try {
			request = JSON.parse(await readBody(req));
			const step = script(request);
			const body = answer(request, step);
			calls.push({ request, step, answer: body });
			send(200, body);
		} catch (error) {
			calls.push({ request, error: error.message });
			send(500, { error: { message: `scripted model: ${error.message}`, type: 'server_error' } });
		}
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		calls,
		/** @returns {Promise<void>} */
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startModelServer };
