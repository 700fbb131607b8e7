import { randomUUID } from 'node:crypto';
import { deepCopy, ICredentials } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsEncrypted,
	INodeCredentialsDetails,
} from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	/** The credential's data as n8n keeps it in its database (decrypted here). */
	data: ICredentialDataDecryptedObject;
}

/**
 * Plays n8n's credentials table: decrypted credential data by id. It outlives single runs, so
 * what a run writes back (a token fetched by preAuthentication) is what the next run reads,
 * as with n8n's database. Every read is a copy, as every n8n read decrypts afresh.
 */
export class CredentialStore {
	private readonly rows = new Map<string, StoredCredential>();

	add(credential: { type: string; data: ICredentialDataDecryptedObject; id?: string; name?: string }): StoredCredential {
		const id = credential.id ?? randomUUID();
		if (this.rows.has(id)) throw new Error(`A credential with id "${id}" already exists`);
		const row: StoredCredential = {
			id,
			name: credential.name ?? `${credential.type} ${this.rows.size + 1}`,
			type: credential.type,
			data: deepCopy(credential.data),
		};
		this.rows.set(id, row);
		return deepCopy(row);
	}

	/** The stored credential, or undefined; a copy, so callers cannot change the store by accident. */
	find(id: string): StoredCredential | undefined {
		const row = this.rows.get(id);
		return row && deepCopy(row);
	}

	get(id: string): StoredCredential {
		const row = this.find(id);
		if (!row) throw new Error(`No credential with id "${id}" in the harness store`);
		return row;
	}

	/** Replaces a credential's data, as n8n's CredentialsHelper.updateCredentials does. */
	update(id: string, data: ICredentialDataDecryptedObject): void {
		const row = this.rows.get(id);
		if (!row) throw new Error(`No credential with id "${id}" in the harness store`);
		row.data = deepCopy(data);
	}

	list(): StoredCredential[] {
		return [...this.rows.values()].map((row) => deepCopy(row));
	}
}

/**
 * A stored credential in the shape of n8n-core's `Credentials` (what
 * ICredentialsHelper.getCredentials returns), without encryption: the harness keeps data
 * decrypted, so there is no ciphertext to hand out.
 */
export class StoredCredentials extends ICredentials {
	private plain: ICredentialDataDecryptedObject;

	constructor(details: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject) {
		super(details, type);
		this.plain = deepCopy(data);
	}

	async getData(): Promise<ICredentialDataDecryptedObject> {
		return deepCopy(this.plain);
	}

	getDataToSave(): ICredentialsEncrypted {
		throw new Error('The harness stores credentials decrypted; use getData()');
	}

	async setData(data: ICredentialDataDecryptedObject): Promise<void> {
		this.plain = deepCopy(data);
	}

	async updateData(
		toUpdate: Partial<ICredentialDataDecryptedObject>,
		toDelete: string[] = [],
	): Promise<void> {
		const next: ICredentialDataDecryptedObject = { ...this.plain };
		for (const [key, value] of Object.entries(toUpdate)) {
			if (value !== undefined) next[key] = value;
		}
		for (const key of toDelete) delete next[key];
		this.plain = deepCopy(next);
	}
}
