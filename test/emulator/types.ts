/** Public types of the Enfonica emulator (see README.md in this folder). */

export type LifecycleState = 'ACTIVE' | 'SUSPENDED' | 'PENDING' | 'DELETED';

export type RecordingTrigger = 'DISABLED' | 'ANSWER' | 'BRIDGE';

export type NumberType = 'LOCAL' | 'NATIONAL' | 'MOBILE' | 'TOLL_FREE' | 'SHARED_RATE';

export type Capability = 'SMS' | 'MMS' | 'VOICE';

/** The seven phone number instance methods (permission `numbering.phoneNumberInstances.<method>`). */
export type ApiMethod = 'create' | 'get' | 'list' | 'update' | 'delete' | 'move' | 'splitRange';

export const API_METHODS: readonly ApiMethod[] = ['create', 'get', 'list', 'update', 'delete', 'move', 'splitRange'];

/** The five regulatory listing permissions (`numbering.regulatoryListings.<method>`); search needs `list`. */
export type ListingMethod = 'create' | 'get' | 'list' | 'update' | 'delete';

export const LISTING_METHODS: readonly ListingMethod[] = ['create', 'get', 'list', 'update', 'delete'];

export const PERMISSION_PREFIX = 'numbering.phoneNumberInstances.';

export const LISTING_PERMISSION_PREFIX = 'numbering.regulatoryListings.';

/** Every permission the emulator knows: what principals get by default. */
export const ALL_PERMISSIONS: readonly string[] = [
	...API_METHODS.map((method) => `${PERMISSION_PREFIX}${method}`),
	...LISTING_METHODS.map((method) => `${LISTING_PERMISSION_PREFIX}${method}`),
];

export const NUMBERING_SCOPE = 'https://api.enfonica.com/auth/numbering';

export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface StartOptions {
	port?: number;
	/** Default 127.0.0.1. */
	host?: string;
}

export interface ServiceAccountKey {
	type: 'service_account';
	project_id: string;
	private_key_id: string;
	private_key: string;
	client_email: string;
	client_id: string;
	token_uri: string;
}

export interface ServiceAccountOptions {
	projectId: string;
	/** Projects the account may touch; default [projectId]. */
	projects?: string[] | '*';
	/** Full permission names; default all twelve (numbering.phoneNumberInstances.* and numbering.regulatoryListings.*). */
	permissions?: string[];
	clientEmail?: string;
}

export interface BearerTokenOptions {
	/** Default '*'. */
	projects?: string[] | '*';
	/** Default all twelve permissions. */
	permissions?: string[];
	/** Shown as `principal` in the request log; default `bearer-token-<n>`. */
	label?: string;
}

export interface SeedInstance {
	id?: string;
	/** E.164; the start number of a range. */
	phoneNumber: string;
	/** Set (even to 1) => the instance is a range. */
	rangeSize?: number;
	displayName?: string;
	labels?: Record<string, string>;
	incomingMessageHandlerUris?: string[];
	incomingCallHandlerUris?: string[];
	callRecordingTrigger?: RecordingTrigger;
	lifecycleState?: LifecycleState;
	compliant?: boolean;
	/** RFC 3339; default: the emulator clock (strictly increasing). */
	createTime?: string;
	/** Full name of a listing in the same project (`projects/{project}/regulatoryListings/{id}`). */
	regulatoryListing?: string;
}

export interface SeedBulkOptions {
	/** First number; default +61370100000 (ACMA fictitious 03 7010 xxxx). Numbers are consecutive. */
	startNumber?: string;
	/** displayName = `${displayNamePrefix} ${i}` when set. */
	displayNamePrefix?: string;
	labels?: Record<string, string>;
	lifecycleState?: LifecycleState;
}

export interface RequestLogEntry {
	method: string;
	/** Decoded path without query. */
	path: string;
	/** Decoded query parameters (last value wins if repeated). */
	query: Record<string, string>;
	/** Parsed JSON or form object; the raw text if unparsable; undefined if no body. */
	body: unknown;
	/** client_email or bearer-token label, never the secret. */
	principal?: string;
	/** 0 while no response has been sent (hang, reset). */
	status: number;
	/** e.g. 'status:503', 'reset', 'malformed', 'hang', 'hang:500ms'. */
	fault?: string;
	startedAt: number;
	/** 0 until the request is finished. */
	endedAt: number;
}

export type FaultSpec =
	/** A Google error body with the status name for the code (429 RESOURCE_EXHAUSTED, 503 UNAVAILABLE…); Retry-After + RetryInfo when retryAfterSeconds is set. */
	| { kind: 'status'; status: number; retryAfterSeconds?: number; message?: string; /** override the Google status name */ statusName?: string }
	/** The socket is reset without a response: the client sees ECONNRESET. */
	| { kind: 'reset' }
	/** 200, application/json, the first half of the JSON (the real response's if applyAfterProcessing). */
	| { kind: 'malformed' }
	/**
	 * Without ms: never answered (until the client or close() ends the connection).
	 * With ms: answered normally after ms — but if the client has gone by then, nothing is done
	 * (unless applyAfterProcessing, which does the work before the wait).
	 */
	| { kind: 'hang'; ms?: number }
	/** This status and body verbatim (a proxy's or a non-Google server's answer: `[]`, plain text, HTML, `{"message":…}`). */
	| { kind: 'answer'; status: number; body: string; contentType?: string };

export interface FaultRule {
	method?: string;
	/** Matched against the decoded path. */
	path?: string | RegExp;
	/** 1-based: the nth matching request from now; default 1. */
	nth?: number;
	/** How many consecutive matches fail; default 1. */
	times?: number;
	fault: FaultSpec;
	/** Do the real work first, then return the fault. */
	applyAfterProcessing?: boolean;
}

export interface PhoneNumberJson {
	name: string;
	phoneNumber: string;
	capabilities?: Capability[];
	sku?: string;
	activationSku?: string;
	numberType?: NumberType;
	countryCode?: string;
}

export interface PhoneNumberRangeJson {
	primaryPhoneNumberInstance: string;
	startPhoneNumber: string;
	endPhoneNumber: string;
	size: number;
}

/** A PhoneNumberInstance as the API renders it: fields at their proto3 default are absent. */
export interface PhoneNumberInstanceJson {
	name: string;
	phoneNumber: PhoneNumberJson;
	displayName?: string;
	labels?: Record<string, string>;
	incomingMessageHandlerUris?: string[];
	incomingCallHandlerUris?: string[];
	callRecordingTrigger?: RecordingTrigger;
	createTime?: string;
	deleteTime?: string;
	activateTime?: string;
	lifecycleState?: LifecycleState;
	range?: PhoneNumberRangeJson;
	regulatoryListing?: string;
	compliant?: boolean;
}

/** A number to put in the inventory of numbers available to buy (see Emulator.addInventoryNumbers). */
export interface InventoryNumber {
	/** E.164, valid per libphonenumber; country and numberType are derived from it. */
	phoneNumber: string;
	/** Default `services/numbering/skus/{country}-{type}-monthly`, e.g. `services/numbering/skus/au-local-monthly`. */
	sku?: string;
	/** Once-off charge; absent = no activation charge (the default). */
	activationSku?: string;
	/** Default from the number type: LOCAL SMS,VOICE; MOBILE SMS,MMS,VOICE; others VOICE. */
	capabilities?: Capability[];
}

export interface GenericAddressJson {
	addressLines?: string[];
	locality?: string;
	administrativeArea?: string;
	postalCode?: string;
	regionCode?: string;
}

export interface PersonDetailsJson {
	givenName?: string;
	familyName?: string;
}

export interface BusinessDetailsJson {
	business?: string;
}

/** A RegulatoryListing as the API renders it: fields at their proto3 default are absent. */
export interface RegulatoryListingJson {
	name: string;
	displayName?: string;
	address?: GenericAddressJson;
	person?: PersonDetailsJson;
	business?: BusinessDetailsJson;
	createTime?: string;
	valid?: boolean;
	verified?: boolean;
}

/** Test-control seeding of a listing: stored as given (the API's field rules are not applied). */
export interface SeedListing {
	/** Default: a random id like the API's. */
	id?: string;
	displayName?: string;
	address: GenericAddressJson;
	/** Exactly one of person / business. */
	person?: { givenName: string; familyName: string };
	business?: { business: string };
	/** RFC 3339; default: the emulator clock. */
	createTime?: string;
	/** Default true. */
	valid?: boolean;
	/** Default false. */
	verified?: boolean;
}
