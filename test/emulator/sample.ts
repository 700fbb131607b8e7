/** Demo data: fictitious Australian numbers (ACMA's ranges reserved for drama/examples). */
import type { SeedInstance } from './types';

export const SAMPLE_PROJECT = 'demo-project';
export const SAMPLE_EMPTY_PROJECT = 'demo-project-2';

/** Oldest first; fixed createTimes so the demo lists in the same order every run. */
export const SAMPLE_INSTANCES: readonly SeedInstance[] = [
	{
		phoneNumber: '+61255501000',
		displayName: 'Sydney reception',
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
		lifecycleState: 'DELETED',
		createTime: '2023-11-30T23:00:00.000Z',
	},
];
