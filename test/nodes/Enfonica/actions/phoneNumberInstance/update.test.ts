import { byName, useTestBed } from '../../../../support/setup';
import { jsonOf, params, runExample, selected, sent } from '../../../../support/operations';

describe('Update', () => {
	const bed = useTestBed('acme');
	let counter = 0;

	const seedOne = () =>
		bed.emu.seed('acme', [
			{
				phoneNumber: `+6125550170${counter++}`,
				displayName: 'Before',
				labels: { team: 'front', site: 'syd' },
				incomingMessageHandlerUris: ['https://old.example.com/sms'],
				incomingCallHandlerUris: ['https://old.example.com/voice'],
				callRecordingTrigger: 'ANSWER',
			},
		])[0].name;
	const update = async (name: string, extra: Record<string, unknown>) =>
		await bed.h.runNode({ parameters: params('update', { phoneNumberInstance: byName(name), ...extra }), credentialId: bed.credentialId });

	beforeEach(() => bed.emu.clearLog());

	it('sends one PATCH whose updateMask is exactly the fields set', async () => {
		const name = seedOne();
		const result = await update(name, { updateFields: { displayName: 'After', callRecordingTrigger: 'BRIDGE' }, ...selected('displayName', 'callRecordingTrigger', 'labels') });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([
			{ method: 'PATCH', path: `/v1beta1/${name}`, query: { updateMask: 'callRecordingTrigger,displayName' }, body: { callRecordingTrigger: 'BRIDGE', displayName: 'After' } },
		]);
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ displayName: 'After', callRecordingTrigger: 'BRIDGE', labels: { team: 'front', site: 'syd' } })]);
		// Fields not in the mask are untouched.
		expect(bed.emu.getInstance(name)?.incomingCallHandlerUris).toEqual(['https://old.example.com/voice']);
	});

	it('clears a display name and a handler list on purpose (field added, left empty)', async () => {
		const name = seedOne();
		const result = await update(name, { updateFields: { displayName: '', incomingCallHandlerUris: '' } });
		expect(result.error).toBeUndefined();
		expect(sent(bed)[0]).toEqual({
			method: 'PATCH',
			path: `/v1beta1/${name}`,
			query: { updateMask: 'displayName,incomingCallHandlerUris' },
			body: { displayName: '', incomingCallHandlerUris: [] },
		});
		expect(bed.emu.getInstance(name)?.displayName).toBeUndefined();
		expect(bed.emu.getInstance(name)?.incomingCallHandlerUris).toBeUndefined();
		expect(bed.emu.getInstance(name)?.incomingMessageHandlerUris).toEqual(['https://old.example.com/sms']);
	});

	it('replaces the labels by default', async () => {
		const name = seedOne();
		await update(name, { updateFields: { labels: { label: [{ key: 'tier', value: 'gold' }] } } });
		expect(sent(bed)).toEqual([{ method: 'PATCH', path: `/v1beta1/${name}`, query: { updateMask: 'labels' }, body: { labels: { tier: 'gold' } } }]);
		expect(bed.emu.getInstance(name)?.labels).toEqual({ tier: 'gold' });
	});

	it('Labels Mode Remove All removes all labels, with the other fields given', async () => {
		const name = seedOne();
		const result = await update(name, { labelsMode: 'removeAll', updateFields: { displayName: 'After' } });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([{ method: 'PATCH', path: `/v1beta1/${name}`, query: { updateMask: 'displayName,labels' }, body: { displayName: 'After', labels: {} } }]);
		expect(bed.emu.getInstance(name)?.labels).toBeUndefined();
	});

	it('Labels Mode Remove All with Labels given: refused, nothing sent', async () => {
		const name = seedOne();
		const result = await update(name, { labelsMode: 'removeAll', updateFields: { labels: { label: [{ key: 'tier', value: 'gold' }] } } });
		expect(result.error?.message).toBe('Labels cannot be given when Labels Mode is Remove All: remove the Labels field, or choose Replace or Merge [item 0]');
		expect(sent(bed)).toEqual([]);
	});

	// n8n drops an expression on the whole (fixedCollection) field before the node runs: the node
	// receives Labels with no pairs, which Replace would have sent as "remove all labels".
	it.each([
		['Replace', 'replace', '={{ { team: "sales" } }}'],
		['Replace', 'replace', '={{ $json.labels }}'],
		['Merge', 'merge', '={{ $json.labels }}'],
		['Replace', 'replace', {}],
		['Replace', 'replace', { label: [] }],
	])('Labels with no pairs (%s, %j): refused naming the item and the field and how to remove all labels, nothing sent, labels kept', async (_mode, labelsMode, labels) => {
		const name = seedOne();
		const result = await bed.h.runNode({
			parameters: params('update', { phoneNumberInstance: byName(name), labelsMode, updateFields: { labels } }),
			credentialId: bed.credentialId,
			items: [{ labels: { team: 'sales' } }],
		});
		expect(result.error?.message).toBe(
			'Labels has no Key/Value pairs (an expression on the whole Labels field reaches the node empty: put expressions in each Key and Value; to remove all labels, set Labels Mode to Remove All) [item 0]',
		);
		expect(sent(bed)).toEqual([]);
		expect(bed.emu.getInstance(name)?.labels).toEqual({ team: 'front', site: 'syd' });
	});

	it('merge mode reads the current labels first, then sends the merged map', async () => {
		const name = seedOne();
		const result = await update(name, { labelsMode: 'merge', updateFields: { labels: { label: [{ key: 'site', value: 'mel' }, { key: 'tier', value: 'gold' }] } }, ...selected('labels') });
		expect(result.error).toBeUndefined();
		expect(sent(bed)).toEqual([
			{ method: 'GET', path: `/v1beta1/${name}`, query: {}, body: undefined },
			{ method: 'PATCH', path: `/v1beta1/${name}`, query: { updateMask: 'labels' }, body: { labels: { team: 'front', site: 'mel', tier: 'gold' } } },
		]);
		expect(result.items[0].json.labels).toEqual({ team: 'front', site: 'mel', tier: 'gold' });
	});

	it('merge mode refuses to go over 50 labels before the PATCH', async () => {
		const labels = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501790', labels }]);
		const result = await update(name, { labelsMode: 'merge', updateFields: { labels: { label: [{ key: 'x', value: '1' }, { key: 'y', value: '2' }] } } });
		expect(result.error?.message).toBe('Labels has 51 labels once merged with the current ones: Enfonica allows at most 50 [item 0]');
		expect(sent(bed).map((request) => request.method)).toEqual(['GET']);
	});

	it('merge mode without labels in the fields reads nothing', async () => {
		const name = seedOne();
		await update(name, { labelsMode: 'merge', updateFields: { displayName: 'x' } });
		expect(sent(bed).map((request) => request.method)).toEqual(['PATCH']);
	});

	it('runs examples/update.json', async () => {
		const [{ name }] = bed.emu.seed('acme', [{ phoneNumber: '+61255501100', labels: { team: 'front' } }]);
		const result = await runExample(bed, 'update');
		expect(result.error).toBeUndefined();
		expect(sent(bed).at(-1)).toEqual({
			method: 'PATCH',
			path: `/v1beta1/${name}`,
			query: { updateMask: 'displayName,incomingMessageHandlerUris,labels' },
			body: { displayName: 'Support', incomingMessageHandlerUris: ['https://example.com/sms'], labels: { team: 'front', tier: 'gold' } },
		});
		expect(jsonOf(result.items)).toEqual([expect.objectContaining({ name, displayName: 'Support' })]);
		expect(bed.emu.getInstance(name)?.labels).toEqual({ team: 'front', tier: 'gold' });
	});
});
