/**
 * The type a catalogue entry declares (`EnfonicaCall<Response>`, `EnfonicaListCall<Item>`) is the
 * type the transport's callers get, with no cast. Checked twice: `npm run typecheck` compiles this
 * file (tsconfig.json takes test/), and fails when an answer's type is lost (to any, unknown or
 * IDataObject: `exactly` then wants a second argument, and an `@ts-expect-error` goes unused);
 * jest checks that the values are Enfonica's answers, through a fake HTTP helper.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, INode } from 'n8n-workflow';

import type { SplitRangeResult } from '../../../../nodes/Enfonica/api';
import { phoneNumberInstances, phoneNumbers, regulatoryListings } from '../../../../nodes/Enfonica/api';
import { sendChange } from '../../../../nodes/Enfonica/actions/plannedChange';
import type { AvailablePhoneNumber } from '../../../../nodes/Enfonica/models/phoneNumber';
import type { PhoneNumberInstance } from '../../../../nodes/Enfonica/models/phoneNumberInstance';
import type { RegulatoryListing } from '../../../../nodes/Enfonica/models/regulatoryListing';
import type { ListPage } from '../../../../nodes/Enfonica/transport';
import { enfonicaApiListPage, enfonicaApiRequest, enfonicaApiRequestAllItems } from '../../../../nodes/Enfonica/transport';

/** True only when A and B are the same type (any, unknown and a wider type are not). */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Passes the value on; compiles only when its type is exactly `Expected`. */
function exactly<Expected>() {
	return <Actual>(value: Actual, ..._typeDiffers: Same<Expected, Actual> extends true ? [] : [never]): Actual => value;
}

const node: INode = { id: '1', name: 'Enfonica', type: 'n8n-nodes-enfonica.enfonica', typeVersion: 1, position: [0, 0], parameters: {} };
const INSTANCE_NAME = 'projects/p/phoneNumberInstances/abc';
const INSTANCE = { name: INSTANCE_NAME, phoneNumber: { phoneNumber: '+61255501100' }, lifecycleState: 'ACTIVE' };
const LISTING = { name: 'projects/p/regulatoryListings/l1', displayName: 'Head office', valid: true };
const NUMBER = { phoneNumber: '+61255501200', numberType: 'LOCAL' };

/** Enfonica's answer to each path (the same for every method). */
const ANSWERS: Record<string, IDataObject> = {
	[`/v1beta1/${INSTANCE_NAME}`]: INSTANCE,
	[`/v1beta1/${INSTANCE_NAME}:splitRange`]: { first: INSTANCE, second: { ...INSTANCE, name: `${INSTANCE_NAME}2` } },
	'/v1beta1/projects/p/phoneNumberInstances': { phoneNumberInstances: [INSTANCE] },
	'/v1beta1/projects/p/regulatoryListings': { regulatoryListings: [LISTING] },
	'/v1beta1/phoneNumbers:search': { phoneNumbers: [NUMBER] },
};

const BASE_URL = 'https://numbering.test';
const context = {
	helpers: {
		httpRequestWithAuthentication: async (_credentialType: string, options: IHttpRequestOptions) => ({ statusCode: 200, headers: {}, body: ANSWERS[options.url.slice(BASE_URL.length)] }),
	},
	getNode: () => node,
	getCredentials: async () => ({ authentication: 'bearerToken', baseUrl: BASE_URL, timeoutSeconds: 7 }),
} as unknown as IExecuteFunctions;

describe('the transport answers the type its catalogue entry declares', () => {
	it('enfonicaApiRequest: EnfonicaCall<PhoneNumberInstance> answers a PhoneNumberInstance', async () => {
		const instance = exactly<PhoneNumberInstance>()(await enfonicaApiRequest(context, phoneNumberInstances.get, { name: INSTANCE_NAME }));
		// @ts-expect-error an instance has no `valid` (a listing's field): caught only while the type is kept
		expect(instance.valid).toBeUndefined();
		expect(instance).toEqual(INSTANCE);
	});

	it('enfonicaApiRequest: a custom verb answers its own type (SplitRangeResult)', async () => {
		const result = exactly<SplitRangeResult>()(await enfonicaApiRequest(context, phoneNumberInstances.splitRange, { name: INSTANCE_NAME, body: { size: 1 } }));
		expect(result.first).toEqual(INSTANCE);
		expect(result.second?.name).toBe(`${INSTANCE_NAME}2`);
	});

	it('enfonicaApiRequestAllItems: EnfonicaListCall<Item> answers Item[]', async () => {
		const instances = exactly<PhoneNumberInstance[]>()(await enfonicaApiRequestAllItems(context, phoneNumberInstances.list, { parent: 'projects/p' }));
		const listings = exactly<RegulatoryListing[]>()(await enfonicaApiRequestAllItems(context, regulatoryListings.list, { parent: 'projects/p' }));
		expect(instances).toEqual([INSTANCE]);
		expect(listings).toEqual([LISTING]);
	});

	it('enfonicaApiListPage: a page of Item', async () => {
		const page = exactly<ListPage<AvailablePhoneNumber>>()(await enfonicaApiListPage(context, phoneNumbers.search, { qs: { countryCode: 'AU' } }));
		// @ts-expect-error an available number's phoneNumber is text, not an instance's nested object
		const nested: string | undefined = page.items[0].phoneNumber?.phoneNumber;
		expect(nested).toBeUndefined();
		expect(page).toEqual({ items: [NUMBER], nextPageToken: undefined });
	});

	it('sendChange: a Change answers what its call declares', async () => {
		const instance = exactly<PhoneNumberInstance>()(await sendChange(context, { call: phoneNumberInstances.update, name: INSTANCE_NAME, qs: { updateMask: 'displayName' }, body: { displayName: 'x' } }, 0));
		expect(instance).toEqual(INSTANCE);
	});
});
