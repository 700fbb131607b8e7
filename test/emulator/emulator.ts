/** The public face of the emulator: an HTTP server plus in-process test controls (none reachable over HTTP). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorCore } from './core';
import type { Delivery, DeliveryOptions } from './delivery';
import { deliver, SigningKeys } from './delivery';
import { createRequestHandler } from './pipeline';
import { SAMPLE_EMPTY_PROJECT, SAMPLE_INSTANCES, SAMPLE_INVENTORY, SAMPLE_LISTINGS, SAMPLE_PROJECT } from './sample';
import { seedBulk, seedInstances } from './seed';
import { addInventoryNumbers } from './seedInventory';
import { seedListings } from './seedListings';
import { sortForList } from './ordering';
import type { StoredListing } from './listingModel';
import { isLive, UPDATABLE_FIELDS, type StoredInstance, type UpdatableField } from './model';
import { readInstanceInput } from './instanceInput';
import { applyUpdate } from './methods/update';
import { renderListing } from './renderListing';
import type {
	BearerTokenOptions,
	FaultRule,
	InventoryNumber,
	LifecycleState,
	PhoneNumberInstanceJson,
	PhoneNumberJson,
	RegulatoryListingJson,
	RequestLogEntry,
	SeedBulkOptions,
	SeedInstance,
	SeedListing,
	ServiceAccountKey,
	ServiceAccountOptions,
	StartOptions,
} from './types';

export class Emulator {
	readonly baseUrl: string;
	readonly tokenUrl: string;
	/** Every delivery to handler URIs, in order. */
	readonly deliveries: Delivery[] = [];
	private readonly signingKeys = new SigningKeys();

	/** Use startEmulator(); the constructor is internal. */
	constructor(
		private readonly server: Server,
		private readonly core: EmulatorCore,
	) {
		this.baseUrl = core.baseUrl;
		this.tokenUrl = core.tokenUrl;
	}

	async close(): Promise<void> {
		if (this.core.closed) return;
		this.core.closed = true;
		this.core.cancelTimers();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		// Keep-alive and hung connections would otherwise hold close() open.
		this.server.closeAllConnections();
		await closed;
	}

	// --- principals ---

	createServiceAccount(options: ServiceAccountOptions): ServiceAccountKey {
		return this.core.auth.createServiceAccount(options, this.tokenUrl);
	}

	addBearerToken(token: string, options?: BearerTokenOptions): void {
		this.core.auth.addBearerToken(token, options);
	}

	expireAccessTokens(): void {
		this.core.auth.expireAccessTokens();
	}

	get accessTokenTtlSeconds(): number {
		return this.core.accessTokenTtlSeconds;
	}

	set accessTokenTtlSeconds(seconds: number) {
		if (!(seconds > 0)) throw new Error(`accessTokenTtlSeconds must be positive, got ${seconds}`);
		this.core.accessTokenTtlSeconds = seconds;
	}

	// --- data ---

	seed(project: string, instances: SeedInstance[]): PhoneNumberInstanceJson[] {
		return seedInstances(this.core, project, instances);
	}

	seedBulk(project: string, count: number, options?: SeedBulkOptions): void {
		seedBulk(this.core, project, count, options);
	}

	/** demo-project's listings and instances, demo-project-2 empty, and numbers for sale in AU, NZ and US. */
	/** Forgets every instance, listing and number for sale (faults, tokens and the log stay). */
	reset(): void {
		this.core.store.clear();
		this.core.listings.clear();
		this.core.inventory.clear();
	}

	seedSample(): { projects: string[]; regulatoryListings: string[] } {
		const listings = seedListings(this.core, SAMPLE_PROJECT, [...SAMPLE_LISTINGS]);
		seedInstances(this.core, SAMPLE_PROJECT, [...SAMPLE_INSTANCES]);
		addInventoryNumbers(this.core, [...SAMPLE_INVENTORY]);
		return { projects: [SAMPLE_PROJECT, SAMPLE_EMPTY_PROJECT], regulatoryListings: listings.map((listing) => listing.name) };
	}

	// --- numbers for sale (phoneNumbers:search) ---

	/** All-or-nothing; throws on an invalid number, one already for sale, or one a live instance holds. */
	addInventoryNumbers(numbers: Array<InventoryNumber | string>): PhoneNumberJson[] {
		return addInventoryNumbers(this.core, numbers);
	}

	/** What search can offer (optionally in one country), lowest number first. */
	listInventory(countryCode?: string): PhoneNumberJson[] {
		return this.core.inventory
			.sorted()
			.filter((entry) => !this.core.store.holderOf(entry.number, 1))
			.map((entry) => this.core.phones.render(entry.number, entry.offer))
			.filter((number) => countryCode === undefined || number.countryCode === countryCode);
	}

	// --- regulatory listings ---

	seedListings(project: string, listings: SeedListing[]): RegulatoryListingJson[] {
		return seedListings(this.core, project, listings);
	}

	getListing(name: string): RegulatoryListingJson | undefined {
		const listing = this.core.listings.getByName(name);
		return listing && renderListing(listing);
	}

	/** In list order (createTime descending). */
	listStoredListings(project: string): RegulatoryListingJson[] {
		return sortForList(this.core.listings.inProject(project)).map(renderListing);
	}

	setListingValid(name: string, valid: boolean): void {
		this.mustFindListing(name).valid = valid;
	}

	setListingVerified(name: string, verified: boolean): void {
		this.mustFindListing(name).verified = verified;
	}

	/** Associates an instance with a listing of its own project (undefined clears it). */
	setRegulatoryListing(instanceName: string, listing: string | undefined): void {
		const instance = this.mustFind(instanceName);
		if (listing !== undefined && this.mustFindListing(listing).project !== instance.project) {
			throw new Error(`Listing '${listing}' is not in the instance's project '${instance.project}'`);
		}
		instance.regulatoryListing = listing;
	}

	getInstance(name: string): PhoneNumberInstanceJson | undefined {
		const instance = this.core.store.getByName(name);
		return instance && this.core.render(instance);
	}

	/** In list order (createTime descending). */
	listStored(project: string, options: { includeDeleted?: boolean } = {}): PhoneNumberInstanceJson[] {
		const instances = this.core.store.inProject(project).filter((instance) => options.includeDeleted || isLive(instance));
		return sortForList(instances).map((instance) => this.core.render(instance));
	}

	setLifecycleState(name: string, state: LifecycleState): void {
		const instance = this.mustFind(name);
		this.core.store.setState(instance, state);
		if (state !== 'DELETED') this.core.inventory.removeRange(instance.startNumber, instance.rangeSize ?? 1);
		if (state === 'DELETED') instance.deleteTime ??= this.core.clock.now();
		else instance.deleteTime = undefined;
		if (state === 'ACTIVE') instance.activateTime ??= this.core.clock.now();
		// The reference defines PENDING as "activateTime not set".
		if (state === 'PENDING') instance.activateTime = undefined;
	}

	/**
	 * Changes an instance's configuration as the Enfonica Console does (not through the API, so
	 * nothing is logged): only the fields given, checked as an update would check them.
	 */
	configureInstance(name: string, changes: Partial<Pick<PhoneNumberInstanceJson, UpdatableField>>): PhoneNumberInstanceJson {
		const instance = this.mustFind(name);
		const input = readInstanceInput(changes, 'phoneNumberInstance');
		applyUpdate(instance, UPDATABLE_FIELDS.filter((field) => field in changes), input);
		return this.core.render(instance);
	}

	setCompliant(name: string, compliant: boolean): void {
		this.mustFind(name).compliant = compliant;
	}

	purge(name: string): void {
		this.core.store.remove(this.mustFind(name).id);
	}

	/** Makes a project one that does not exist: calls there from a principal allowed on it answer 404 (a move to it too). */
	removeProject(project: string): void {
		this.core.missingProjects.add(project);
	}

	/** When on, move drops the destination listing it is sent (Enfonica's published request marks the field output only). */
	set moveIgnoresListing(ignore: boolean) {
		this.core.moveIgnoresListing = ignore;
	}

	get moveIgnoresListing(): boolean {
		return this.core.moveIgnoresListing;
	}

	// --- what Enfonica sends to handler URIs (see delivery.ts) ---

	/** The project's request signing key, base64 as the Console shows it (random, made on first use). */
	signingKeyOf(project: string): string {
		return this.signingKeys.of(project);
	}

	setSigningKey(project: string, keyBase64: string): void {
		this.signingKeys.set(project, keyBase64);
	}

	/** An SMS arriving on the instance: a signed INCOMING_MESSAGE to its message handlers, first to last until one answers 2xx. */
	async deliverMessage(instanceName: string, message: Record<string, unknown> = {}, options?: DeliveryOptions): Promise<Delivery> {
		const instance = this.mustFind(instanceName);
		const payload = {
			name: `projects/${instance.project}/messages/${this.core.newInstanceId()}`,
			to: instance.startNumber,
			from: '+61412345678',
			body: 'Hello from the emulator',
			direction: 'INCOMING',
			status: 'RECEIVED',
			segmentCount: 1,
			encoding: 'GSM7',
			createTime: new Date(this.core.clock.now()).toISOString(),
			...message,
		};
		return this.record(await deliver(this.core, this.signingKeys, instance, 'INCOMING_MESSAGE', JSON.stringify(payload), options));
	}

	/** A call arriving on the instance: a signed CALL (VoiceML request) to its call handlers, first to last until one answers 2xx. */
	async deliverCall(instanceName: string, call: Record<string, unknown> = {}, parameters: Record<string, string> = {}, options?: DeliveryOptions): Promise<Delivery> {
		const instance = this.mustFind(instanceName);
		const now = new Date(this.core.clock.now()).toISOString();
		const payload = {
			call: {
				name: `projects/${instance.project}/calls/${this.core.newInstanceId()}`,
				to: instance.startNumber,
				from: '+61412345678',
				transport: 'PSTN',
				direction: 'INCOMING',
				state: 'STARTING',
				createMethod: 'INCOMING_CALL',
				createTime: now,
				startTime: now,
				...call,
			},
			parameters,
		};
		return this.record(await deliver(this.core, this.signingKeys, instance, 'CALL', JSON.stringify(payload), options));
	}

	private record(delivery: Delivery): Delivery {
		this.deliveries.push(delivery);
		return delivery;
	}

	// --- faults, latency, log ---

	get latencyMs(): number {
		return this.core.latencyMs;
	}

	set latencyMs(ms: number) {
		if (!(ms >= 0)) throw new Error(`latencyMs must be >= 0, got ${ms}`);
		this.core.latencyMs = ms;
	}

	injectFault(rule: FaultRule): void {
		this.core.faults.add(rule);
	}

	clearFaults(): void {
		this.core.faults.clear();
	}

	/** Live array, arrival order; entries of unfinished requests are completed in place. */
	get requests(): readonly RequestLogEntry[] {
		return this.core.log;
	}

	clearLog(): void {
		this.core.log.length = 0;
	}

	get inFlight(): number {
		return this.core.inFlight;
	}

	get maxInFlight(): number {
		return this.core.maxInFlight;
	}

	resetMaxInFlight(): void {
		this.core.maxInFlight = this.core.inFlight;
	}

	private mustFindListing(name: string): StoredListing {
		const listing = this.core.listings.getByName(name);
		if (!listing) throw new Error(`No regulatory listing named '${name}'`);
		return listing;
	}

	private mustFind(name: string): StoredInstance {
		const instance = this.core.store.getByName(name);
		if (!instance) throw new Error(`No phone number instance named '${name}'`);
		return instance;
	}
}

export async function startEmulator(options: StartOptions = {}): Promise<Emulator> {
	const host = options.host ?? '127.0.0.1';
	const server = createServer();
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => {
			server.off('error', reject);
			resolve();
		});
	});
	const { port } = server.address() as AddressInfo;
	const urlHost = host.includes(':') ? `[${host}]` : host;
	const core = new EmulatorCore(`http://${urlHost}:${port}`);
	// Attached before any connection callback can run (those are later macrotasks).
	server.on('request', createRequestHandler(core));
	return new Emulator(server, core);
}

