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

import {
	DEFAULT_BASE_URL,
	DEFAULT_TIMEOUT_SECONDS,
	DEFAULT_TOKEN_URL,
	timeoutMsOf,
	tokenUrlOf,
} from '../nodes/Enfonica/helpers/credentialSettings';
import {
	createTokenAssertion,
	describeTokenFailure,
	parseServiceAccountKey,
} from '../nodes/Enfonica/helpers/serviceAccount';

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
			description: 'Change only for a proxy or a local Enfonica emulator',
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
			description: 'How long to wait for each API response, as Enfonica\'s client libraries do (10 s)',
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
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		if (credentials.authentication === 'bearerToken') {
			return { accessToken: credentials.bearerToken };
		}
		const key = parseServiceAccountKey(credentials.serviceAccountKey);
		const tokenUrl = tokenUrlOf(credentials);
		let response: IDataObject;
		try {
			response = (await this.helpers.httpRequest({
				method: 'POST',
				url: tokenUrl,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({
					grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
					assertion: createTokenAssertion(key, tokenUrl),
				}).toString(),
				json: true,
				timeout: timeoutMsOf(credentials),
			})) as IDataObject;
		} catch (error) {
			// Rethrown bare: the HTTP error carries the request, and with it the signed assertion.
			throw new Error(describeTokenFailure(tokenUrl, error));
		}
		if (typeof response?.access_token !== 'string' || response.access_token === '') {
			throw new Error(`The token endpoint ${tokenUrl} answered without an access_token`);
		}
		return { accessToken: response.access_token };
	}

	// A function, not a generic `=Bearer {{$credentials.accessToken}}`: n8n would evaluate that
	// expression on every request, a third of the client-side cost of a long listing.
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.accessToken)}` } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '=/v1beta1/projects/{{ ($credentials.projectId || ($credentials.authentication === "serviceAccountKey" ? (JSON.parse($credentials.serviceAccountKey || "{}").project_id || "") : "")).replace(/^projects\\//, "") || "-" }}/phoneNumberInstances',
			qs: { pageSize: 1 },
		},
	};
}
