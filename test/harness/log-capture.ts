import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { LoggerProxy } from 'n8n-workflow';
import type { LogMetadata, Logger as WorkflowLogger } from 'n8n-workflow';

export interface CapturedLog {
	level: string;
	message: string;
	meta?: unknown;
}

/**
 * Stands in for n8n's winston Logger: records instead of printing, so tests can assert on
 * what n8n and our nodes logged (e.g. that no secret ever reaches a log line).
 * n8n-core resolves its logger through the DI container (`Container.get(Logger)`, often
 * `.scoped(...)`) and nodes log through n8n-workflow's LoggerProxy; both end up here.
 */
export class LogCapture implements WorkflowLogger {
	/** Where entries go; a harness points this at its own `logs` before each run. */
	private sink: CapturedLog[] = [];

	attach(sink: CapturedLog[]): void {
		this.sink = sink;
	}

	error(message: string, meta?: LogMetadata): void {
		this.record('error', message, meta);
	}

	warn(message: string, meta?: LogMetadata): void {
		this.record('warn', message, meta);
	}

	info(message: string, meta?: LogMetadata): void {
		this.record('info', message, meta);
	}

	debug(message: string, meta?: LogMetadata): void {
		this.record('debug', message, meta);
	}

	/** n8n's Logger API: scoped loggers write to the same place here. */
	scoped(): this {
		return this;
	}

	private record(level: string, message: string, meta?: LogMetadata): void {
		this.sink.push(meta === undefined ? { level, message } : { level, message, meta });
	}
}

/**
 * Registers one LogCapture per process as n8n's Logger (in the DI container, which is the
 * process-wide registry n8n itself uses) and as LoggerProxy's target. Must run before any
 * n8n service is constructed, since services keep the logger they were built with.
 */
export function installLogCapture(): LogCapture {
	if (Container.has(Logger)) {
		const current = Container.get(Logger) as unknown;
		if (current instanceof LogCapture) return current;
	}
	const capture = new LogCapture();
	Container.set(Logger, capture as unknown as Logger);
	LoggerProxy.init(capture);
	return capture;
}
