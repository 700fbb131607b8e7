'use strict';
/**
 * A minimal SMTP server on 127.0.0.1 that keeps every message (no TLS, no AUTH): where n8n's
 * Send Email review node sends its approval request in the agent check.
 */
const net = require('node:net');

/** @typedef {{ from: string | null, to: string[], raw: string, text: string }} Mail A message as the sink keeps it. */

/**
 * Quoted-printable (what nodemailer sends HTML as) back to text.
 * @param {string} text
 */
function decodeQuotedPrintable(text) {
	return text.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (/** @type {string} */ _, /** @type {string} */ hex) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * `onMessage(mail)` is called for each message kept.
 * @param {{ onMessage?: (mail: Mail) => void }} [options]
 */
async function startSmtpSink({ onMessage } = {}) {
	/** @type {Mail[]} */
	const messages = [];
	const server = net.createServer((socket) => {
		let buffer = '';
		let inData = false;
		/** @type {{ from: string | null, to: string[] }} */
		let envelope = { from: null, to: [] };
		const reply = (/** @type {string} */ line) => socket.write(`${line}\r\n`);
		reply('220 localhost SMTP sink');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			for (;;) {
				if (inData) {
					const end = buffer.indexOf('\r\n.\r\n');
					if (end < 0) return;
					const raw = buffer.slice(0, end).replace(/^\.\./gm, '.');
					buffer = buffer.slice(end + 5);
					inData = false;
					const mail = { ...envelope, raw, text: decodeQuotedPrintable(raw) };
					messages.push(mail);
					if (onMessage) onMessage(mail);
					envelope = { from: null, to: [] };
					reply('250 OK: queued');
					continue;
				}
				const newline = buffer.indexOf('\r\n');
				if (newline < 0) return;
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				const verb = line.slice(0, 4).toUpperCase();
				if (verb === 'EHLO') reply('250 localhost');
				else if (verb === 'HELO') reply('250 localhost');
				else if (verb === 'MAIL') {
					envelope.from = line.slice(10).trim();
					reply('250 OK');
				} else if (verb === 'RCPT') {
					envelope.to.push(line.slice(8).trim());
					reply('250 OK');
				} else if (verb === 'DATA') {
					inData = true;
					reply('354 End data with <CR><LF>.<CR><LF>');
				} else if (verb === 'QUIT') {
					reply('221 Bye');
					socket.end();
				} else reply('250 OK');
			}
		});
		socket.on('error', () => {});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	return {
		host: '127.0.0.1',
		port: /** @type {import('node:net').AddressInfo} */ (server.address()).port,
		messages,
		/** @returns {Promise<void>} */
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { decodeQuotedPrintable, startSmtpSink };
