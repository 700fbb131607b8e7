import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestHelper,
	INodeProperties,
	IHttpRequestOptions,
	Icon,
} from 'n8n-workflow';

import { CREDENTIAL_TEST_PATH, CREDENTIAL_TEST_RULES, credentialTestPath } from '../nodes/Enfonica/helpers/credentialTest';
import {
	baseUrlOf,
	DEFAULT_BASE_URL,
	DEFAULT_TIMEOUT_SECONDS,
	DEFAULT_TOKEN_URL,
	timeoutMsOf,
} from '../nodes/Enfonica/helpers/credentialSettings';
import { checkBaseUrlAnswers } from '../nodes/Enfonica/helpers/reachability';
import { checkBearerToken, exchangeKeyForToken } from '../nodes/Enfonica/helpers/serviceAccount';

export class EnfonicaApi implements ICredentialType {
	name = 'enfonicaApi';

	displayName = 'Enfonica API';

	icon: Icon = { light: 'file:enfonica.svg', dark: 'file:enfonica.dark.svg' };

	documentationUrl = 'https://github.com/enfonica/n8n-nodes-enfonica#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Bearer Token',
					value: 'bearerToken',
					description: 'A long-lived token issued by Enfonica support (deprecated by Enfonica)',
				},
				{
					name: 'Service Account Key',
					value: 'serviceAccountKey',
					description: 'A JSON key file created in the Enfonica Console (recommended)',
				},
			],
			default: 'serviceAccountKey',
		},
		// n8n's scanner warns that this name does not look secret (credential-unnecessary-password):
		// it is, the key file holds the account's RSA private key, so it stays masked.
		{
			displayName: 'Service Account Key',
			name: 'serviceAccountKey',
			type: 'string',
			typeOptions: { password: true, rows: 6 },
			default: '',
			required: true,
			placeholder: 'e.g. {"type": "service_account", "project_id": "...", ...}',
			description: 'The whole contents of the JSON key file downloaded from the Enfonica Console',
			displayOptions: { show: { authentication: ['serviceAccountKey'] } },
		},
		{
			displayName: 'Bearer Token',
			name: 'bearerToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			displayOptions: { show: { authentication: ['bearerToken'] } },
		},
		{
			displayName: 'Project ID',
			name: 'projectId',
			type: 'string',
			default: '',
			placeholder: 'e.g. my-project',
			description:
				'Project used by nodes that leave their Project empty. Accepts "my-project" or "projects/my-project". Empty: the project_id of the service account key (required for a bearer token).',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: 'e.g. https://numbering.api.enfonica.com',
			description: 'Starts with https:// (http:// for a local emulator). Change only for a proxy or a local Enfonica emulator.',
		},
		{
			displayName: 'Token URL',
			name: 'tokenUrl',
			type: 'string',
			default: DEFAULT_TOKEN_URL,
			description: 'Where service account assertions are exchanged for access tokens. Change only for a proxy or a local emulator.',
			displayOptions: { show: { authentication: ['serviceAccountKey'] } },
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 300 },
			default: DEFAULT_TIMEOUT_SECONDS,
			description: 'How long to wait for each response, including the credential\'s Test. Default 60 s, the deadline of Enfonica\'s Node.js client library.',
		},
		// Flagged by the same scanner warning: it is a secret (it lets anyone forge Enfonica's requests).
		{
			displayName: 'Signing Key',
			name: 'signingKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'e.g. AAECAwQF…Pw== (88 characters)',
			description:
				'Only for the Enfonica Inbound Trigger: the project\'s request signing key, exactly as the Enfonica Console shows it under Project → Settings (base64, 88 characters ending in "=="). n8n decodes it to the 64-byte key itself: using the 88 characters as the key is the common mistake that makes every signature fail.',
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			// password: n8n blanks password fields before sending credentials to the editor; the token must not leak there.
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	// n8n calls this when accessToken is empty, and again after a 401 (then retries once).
	// Without a token yet (first use, or a Test that has never passed) it also checks that the API
	// Base URL answers: n8n's Test would show an unreachable one only as "ECONNREFUSED". Token renewals
	// (after a 401, so the API answered) send nothing more.
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const accessToken = credentials.authentication === 'bearerToken' ? checkBearerToken(credentials.bearerToken) : await exchangeKeyForToken(this, credentials);
		if (!credentials.accessToken) await checkBaseUrlAnswers(this, credentials);
		return { accessToken };
	}

	// A function, not a generic `=Bearer {{$credentials.accessToken}}`: n8n would evaluate that
	// expression on every request, a third of the client-side cost of a long listing. Every request
	// made with the credential passes here, the Test's too: it gets the credential's Request Timeout
	// (n8n's own default for the Test is 300 s) and its checked API Base URL.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		// A bearer token field holding a service-account key would send the private key: refused here, before anything leaves.
		const token = credentials.authentication === 'bearerToken' ? checkBearerToken(credentials.bearerToken) : credentials.accessToken;
		const options: IHttpRequestOptions = {
			...requestOptions,
			timeout: timeoutMsOf(credentials),
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(token)}` },
		};
		if (requestOptions.url === CREDENTIAL_TEST_PATH) {
			options.baseURL = baseUrlOf(credentials);
			options.url = credentialTestPath(credentials);
		}
		return options;
	}

	// What the Test shows for each refusal: n8n would show only the reason phrase ("Not Found").
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: CREDENTIAL_TEST_PATH,
			qs: { pageSize: 1 },
		},
		rules: CREDENTIAL_TEST_RULES,
	};
}
