/** Enfonica Numbering API emulator: see README.md in this folder. */
export { Emulator, startEmulator } from './emulator';
export type { Delivery, DeliveryAttempt, DeliveryOptions } from './delivery';
export { signRequest } from './signing';
export type {
	ApiMethod,
	BearerTokenOptions,
	Capability,
	FaultRule,
	FaultSpec,
	GenericAddressJson,
	InventoryNumber,
	LifecycleState,
	ListingMethod,
	NumberType,
	PhoneNumberInstanceJson,
	PhoneNumberJson,
	PhoneNumberRangeJson,
	RecordingTrigger,
	RegulatoryListingJson,
	RequestLogEntry,
	SeedBulkOptions,
	SeedInstance,
	SeedListing,
	ServiceAccountKey,
	ServiceAccountOptions,
	StartOptions,
} from './types';
export { JWT_BEARER_GRANT, NUMBERING_SCOPE } from './types';
export { SAMPLE_BUSINESS_LISTING, SAMPLE_EMPTY_PROJECT, SAMPLE_PERSON_LISTING, SAMPLE_PROJECT, SAMPLE_REVIEW_LISTING } from './sample';
