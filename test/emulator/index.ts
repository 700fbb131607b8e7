/** Enfonica Numbering API emulator: see README.md in this folder. */
export { Emulator, startEmulator } from './emulator';
export type {
	ApiMethod,
	BearerTokenOptions,
	Capability,
	FaultRule,
	FaultSpec,
	LifecycleState,
	NumberType,
	PhoneNumberInstanceJson,
	PhoneNumberJson,
	PhoneNumberRangeJson,
	RecordingTrigger,
	RequestLogEntry,
	SeedBulkOptions,
	SeedInstance,
	ServiceAccountKey,
	ServiceAccountOptions,
	StartOptions,
} from './types';
export { JWT_BEARER_GRANT, NUMBERING_SCOPE } from './types';
export { SAMPLE_EMPTY_PROJECT, SAMPLE_PROJECT } from './sample';
