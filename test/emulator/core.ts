/** Internal state of one emulator; the public Emulator class and the request pipeline share it. */
import { AuthRegistry } from './auth';
import { Clock } from './clock';
import { notFound } from './errors';
import { FaultBook } from './faults';
import { InstanceIdSource } from './ids';
import { Inventory } from './inventory';
import { listingName, type StoredListing } from './listingModel';
import { ListingStore } from './listingStore';
import { instanceName, type StoredInstance } from './model';
import { PageTokenCodec } from './pageToken';
import { PhoneDirectory } from './phoneInfo';
import { renderInstance } from './render';
import { InstanceStore } from './store';
import type { PhoneNumberInstanceJson, RequestLogEntry } from './types';

export class EmulatorCore {
	readonly store = new InstanceStore();
	readonly listings = new ListingStore();
	readonly inventory = new Inventory();
	readonly phones = new PhoneDirectory();
	readonly clock = new Clock();
	readonly auth = new AuthRegistry();
	readonly pageTokens = new PageTokenCodec();
	readonly faults = new FaultBook();
	readonly log: RequestLogEntry[] = [];
	readonly tokenUrl: string;
	latencyMs = 0;
	accessTokenTtlSeconds = 3600;
	/** Project IDs that do not exist: a principal allowed there gets 404 (one that is not gets 403, learning nothing). */
	readonly missingProjects = new Set<string>();
	/** Whether move leaves out the `regulatoryListing` it is given (the published request marks it output only). */
	moveIgnoresListing = false;
	inFlight = 0;
	maxInFlight = 0;
	closed = false;
	private readonly timers = new Set<NodeJS.Timeout>();
	private readonly ids = new InstanceIdSource();

	constructor(readonly baseUrl: string) {
		this.tokenUrl = `${baseUrl}/token`;
	}

	render(instance: StoredInstance): PhoneNumberInstanceJson {
		return renderInstance(instance, this.phones);
	}

	newInstanceId(): string {
		let id = this.ids.next();
		while (this.store.hasId(id)) id = this.ids.next();
		return id;
	}

	newListingId(): string {
		let id = this.ids.next();
		while (this.listings.hasId(id)) id = this.ids.next();
		return id;
	}

	/** 404 for a project that does not exist; checked after the permission, as Google APIs do. */
	requireProject(project: string): void {
		if (this.missingProjects.has(project)) throw notFound(`Project 'projects/${project}' was not found.`);
	}

	/** The instance named by a request path, or 404 naming the resource. */
	find(project: string, id: string): StoredInstance {
		const instance = this.store.get(id);
		if (!instance || instance.project !== project) {
			throw notFound(`Phone number instance '${instanceName({ project, id })}' was not found.`);
		}
		return instance;
	}

	/** The listing named by a request path, or 404 naming the resource. */
	findListing(project: string, id: string): StoredListing {
		const listing = this.listings.get(id);
		if (!listing || listing.project !== project) throw notFound(`Regulatory listing '${listingName({ project, id })}' was not found.`);
		return listing;
	}

	/** A timer close() can cancel, so a closed emulator leaves nothing pending. */
	sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => {
				this.timers.delete(timer);
				resolve();
			}, ms);
			this.timers.add(timer);
		});
	}

	cancelTimers(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	enter(): void {
		this.inFlight++;
		this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
	}

	leave(): void {
		this.inFlight--;
	}
}
