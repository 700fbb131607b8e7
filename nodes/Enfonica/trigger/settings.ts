import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { PhoneNumberError, toListPrefix } from '../helpers/phoneNumbers';
import { resolveProjectName } from '../helpers/project';
import { ResourceNameError } from '../helpers/resourceNames';
import { ServiceAccountKeyError } from '../helpers/serviceAccount';
import { LIFECYCLE_STATE_OPTIONS } from '../helpers/lifecycleStates';
import { InvalidValueError, checkChoices } from '../helpers/validation';
import { CREDENTIAL_TYPE } from '../transport';
import type { TriggerEvent } from './diff';

export interface TriggerSettings {
	projectName: string;
	/** '' = the whole project. */
	prefix: string;
	events: TriggerEvent[];
	lifecycleStates: string[];
	simplify: boolean;
}

/** The trigger's parameters, checked before any request (a bad value fails activation with a clear message). */
export async function readSettings(this: IPollFunctions): Promise<TriggerSettings> {
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const options = this.getNodeParameter('options', {}) as IDataObject;
	let projectName: string;
	try {
		projectName = resolveProjectName(this.getNodeParameter('project', ''), credentials);
	} catch (error) {
		if (error instanceof ResourceNameError || error instanceof ServiceAccountKeyError) {
			throw new NodeOperationError(this.getNode(), error.message, { description: 'Set Project on the trigger, or a Project ID in the Enfonica API credential.' });
		}
		throw error;
	}
	let prefix = '';
	const rawPrefix = typeof filters.prefix === 'string' ? filters.prefix.trim() : '';
	if (rawPrefix !== '') {
		try {
			prefix = toListPrefix(rawPrefix);
		} catch (error) {
			if (error instanceof PhoneNumberError) throw new NodeOperationError(this.getNode(), `Prefix ${error.message}`);
			throw error;
		}
	}
	return {
		projectName,
		prefix,
		events: choices.call(this, 'Events', this.getNodeParameter('events', ['lifecycleStateChanged']), TRIGGER_EVENTS) as TriggerEvent[],
		lifecycleStates: choices.call(this, 'Lifecycle States', this.getNodeParameter('lifecycleStates', []), LIFECYCLE_STATES),
		simplify: options.simplify !== false,
	};
}

const TRIGGER_EVENTS: TriggerEvent[] = ['complianceChanged', 'instanceAdded', 'instanceRemoved', 'lifecycleStateChanged'];
const LIFECYCLE_STATES = LIFECYCLE_STATE_OPTIONS.map((option) => String(option.value));

/** A multi-options value that an expression may have set: a misspelt value would otherwise never match. */
function choices(this: IPollFunctions, field: string, input: unknown, allowed: string[]): string[] {
	try {
		return checkChoices(input, allowed);
	} catch (error) {
		if (error instanceof InvalidValueError) throw new NodeOperationError(this.getNode(), `${field} ${error.message}`);
		throw error;
	}
}
