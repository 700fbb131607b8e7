/** Demo data: fictitious Australian numbers (ACMA's ranges reserved for drama/examples), listings and numbers for sale. */
import type { InventoryNumber, SeedInstance, SeedListing } from './types';

export const SAMPLE_PROJECT = 'demo-project';
export const SAMPLE_EMPTY_PROJECT = 'demo-project-2';

/** Valid and verified: usable for every kind of AU number. */
export const SAMPLE_BUSINESS_LISTING = `projects/${SAMPLE_PROJECT}/regulatoryListings/acme-sydney`;
/** Valid, not verified: usable for AU LOCAL/NATIONAL/SHARED_RATE numbers, not MOBILE/TOLL_FREE. */
export const SAMPLE_PERSON_LISTING = `projects/${SAMPLE_PROJECT}/regulatoryListings/jane-citizen`;
/** Still under review (valid false): never offered by search. */
export const SAMPLE_REVIEW_LISTING = `projects/${SAMPLE_PROJECT}/regulatoryListings/harbour-cafe`;

/** Oldest first, fixed ids and createTimes. */
export const SAMPLE_LISTINGS: readonly SeedListing[] = [
	{
		id: 'acme-sydney',
		displayName: 'Acme head office',
		business: { business: 'Acme Telecommunications Pty Ltd' },
		address: { addressLines: ['Level 5', '1 Example Street'], locality: 'Sydney', administrativeArea: 'NSW', postalCode: '2000', regionCode: 'AU' },
		createTime: '2023-10-01T00:00:00.000Z',
		valid: true,
		verified: true,
	},
	{
		id: 'jane-citizen',
		displayName: 'Jane (Melbourne)',
		person: { givenName: 'Jane', familyName: 'Citizen' },
		address: { addressLines: ['12 Sample Road'], locality: 'Melbourne', administrativeArea: 'VIC', postalCode: '3000', regionCode: 'AU' },
		createTime: '2023-10-15T00:00:00.000Z',
		valid: true,
		verified: false,
	},
	{
		id: 'harbour-cafe',
		business: { business: 'Harbour Cafe Limited' },
		address: { addressLines: ['3 Quay Street'], locality: 'Auckland', administrativeArea: 'Auckland', postalCode: '1010', regionCode: 'NZ' },
		createTime: '2023-11-01T00:00:00.000Z',
		valid: false,
		verified: false,
	},
];

/** Oldest first; fixed createTimes so the demo lists in the same order every run. */
export const SAMPLE_INSTANCES: readonly SeedInstance[] = [
	{
		phoneNumber: '+61255501000',
		displayName: 'Sydney reception',
		regulatoryListing: SAMPLE_BUSINESS_LISTING,
		labels: { team: 'front-desk', site: 'sydney' },
		incomingCallHandlerUris: ['https://voice.example.com/reception', 'sip:reception@sip.example.com'],
		incomingMessageHandlerUris: ['https://sms.example.com/inbound'],
		callRecordingTrigger: 'ANSWER',
		createTime: '2024-01-15T01:00:00.000Z',
	},
	{
		phoneNumber: '+61255501100',
		rangeSize: 100,
		displayName: 'Sydney DID block',
		labels: { purpose: 'direct-dial', site: 'sydney' },
		incomingCallHandlerUris: ['sip:pbx@sip.example.com:5060'],
		createTime: '2024-02-01T03:30:00.000Z',
	},
	{
		phoneNumber: '+61355501234',
		displayName: 'Melbourne office',
		regulatoryListing: SAMPLE_PERSON_LISTING,
		labels: { site: 'melbourne' },
		lifecycleState: 'SUSPENDED',
		createTime: '2024-03-10T22:15:00.000Z',
	},
	{
		phoneNumber: '+61491570156',
		displayName: 'On-call mobile',
		labels: { team: 'support' },
		incomingMessageHandlerUris: ['https://sms.example.com/on-call', 'https://backup.example.com/sms'],
		incomingCallHandlerUris: ['tel:+61255501000'],
		createTime: '2024-04-02T05:45:00.000Z',
	},
	{
		phoneNumber: '+611800160401',
		displayName: 'Customer hotline',
		regulatoryListing: SAMPLE_BUSINESS_LISTING,
		labels: { team: 'support', tier: 'freecall' },
		incomingCallHandlerUris: ['https://voice.example.com/hotline'],
		callRecordingTrigger: 'BRIDGE',
		createTime: '2024-05-20T00:00:00.000Z',
	},
	{
		phoneNumber: '+61855502000',
		displayName: 'Perth warehouse',
		compliant: false,
		createTime: '2024-06-11T07:20:00.000Z',
	},
	{
		phoneNumber: '+61755501500',
		displayName: 'Brisbane port-in',
		lifecycleState: 'PENDING',
		createTime: '2024-07-01T09:00:00.000Z',
	},
	{
		phoneNumber: '+61255501001',
		createTime: '2024-08-08T08:08:08.000Z',
	},
	{
		phoneNumber: '+61255501002',
		displayName: 'Old fax line',
		regulatoryListing: SAMPLE_PERSON_LISTING,
		lifecycleState: 'DELETED',
		createTime: '2023-11-30T23:00:00.000Z',
	},
];

const range = (start: number, count: number): number[] => Array.from({ length: count }, (_, i) => start + i);
const SKU = 'services/numbering/skus';

/**
 * For sale: AU Sydney LOCAL +61 2 5550 90xx (the last 5 voice only), Melbourne +61 3 5550 90xx, MOBILE
 * +61 491 578 1xx, TOLL_FREE +61 1800 160 41x (activation charge), SHARED_RATE +61 1300 975 71x
 * (activation charge), one "gold" Sydney number with an activation charge; NZ Auckland LOCAL (voice
 * only) and MOBILE; US Washington LOCAL (SMS, MMS, VOICE) and TOLL_FREE (activation charge).
 */
export const SAMPLE_INVENTORY: readonly InventoryNumber[] = [
	...range(0, 15).map((i) => ({ phoneNumber: `+612555090${String(i).padStart(2, '0')}` })),
	...range(15, 5).map((i) => ({ phoneNumber: `+612555090${i}`, capabilities: ['VOICE' as const] })),
	{ phoneNumber: '+61255509999', sku: `${SKU}/au-local-gold-monthly`, activationSku: `${SKU}/au-local-gold-activation` },
	...range(0, 12).map((i) => ({ phoneNumber: `+613555090${String(i).padStart(2, '0')}` })),
	...range(0, 10).map((i) => ({ phoneNumber: `+614915781${String(i).padStart(2, '0')}` })),
	...range(0, 5).map((i) => ({ phoneNumber: `+61180016041${i}`, activationSku: `${SKU}/au-toll-free-activation` })),
	...range(0, 5).map((i) => ({ phoneNumber: `+61130097571${i}`, activationSku: `${SKU}/au-shared-rate-activation` })),
	...range(0, 6).map((i) => ({ phoneNumber: `+649555010${i}`, capabilities: ['VOICE' as const] })),
	...range(0, 4).map((i) => ({ phoneNumber: `+6421555010${i}` })),
	...range(0, 8).map((i) => ({ phoneNumber: `+1202555010${i}`, capabilities: ['SMS' as const, 'MMS' as const, 'VOICE' as const] })),
	...range(0, 3).map((i) => ({ phoneNumber: `+1800555010${i}`, activationSku: `${SKU}/us-toll-free-activation` })),
];
