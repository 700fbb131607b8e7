/** The enums of enfonica.numbering.v1beta1.PhoneNumber (names and proto numbers from phone_numbers.proto). */
import type { Capability, NumberType } from './types';

export interface ProtoEnum<T extends string> {
	/** Full type name, for error messages. */
	typeName: string;
	names: readonly T[];
	/** Proto number of each name (same index). */
	numbers: readonly number[];
}

export const NUMBER_TYPE_ENUM: ProtoEnum<'PHONE_NUMBER_TYPE_UNSPECIFIED' | NumberType> = {
	typeName: 'enfonica.numbering.v1beta1.PhoneNumber.PhoneNumberType',
	names: ['PHONE_NUMBER_TYPE_UNSPECIFIED', 'LOCAL', 'NATIONAL', 'MOBILE', 'TOLL_FREE', 'SHARED_RATE'],
	numbers: [0, 1, 2, 3, 4, 5],
};

/** VOICE is 4, not 3: the proto numbers the capabilities as bit flags. */
export const CAPABILITY_ENUM: ProtoEnum<'PHONE_NUMBER_CAPABILITY_UNSPECIFIED' | Capability> = {
	typeName: 'enfonica.numbering.v1beta1.PhoneNumber.PhoneNumberCapability',
	names: ['PHONE_NUMBER_CAPABILITY_UNSPECIFIED', 'SMS', 'MMS', 'VOICE'],
	numbers: [0, 1, 2, 4],
};

/** The name for a proto number, or undefined. */
export function enumName<T extends string>(protoEnum: ProtoEnum<T>, value: number): T | undefined {
	const index = protoEnum.numbers.indexOf(value);
	return index === -1 ? undefined : protoEnum.names[index];
}
