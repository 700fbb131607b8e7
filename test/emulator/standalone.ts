/**
 * Runs the emulator on its own for a demo or manual n8n testing: `npm run emulator`
 * (PORT env, default 3939). Prints a throwaway local key and token to paste into n8n.
 */
import { randomBytes } from 'node:crypto';
import { startEmulator, type PhoneNumberJson, type RegulatoryListingJson } from './index';

/** One line per country and number type: how many, the first and last, and what they can do. */
function inventorySummary(numbers: PhoneNumberJson[]): string[] {
	const groups = new Map<string, PhoneNumberJson[]>();
	for (const number of numbers) {
		const key = `${number.countryCode} ${number.numberType}`;
		groups.set(key, [...(groups.get(key) ?? []), number]);
	}
	return [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => {
		const capabilities = [...new Set(group.flatMap((number) => number.capabilities ?? []))].join('/');
		const activation = group.filter((number) => number.activationSku).length;
		return `    ${key.padEnd(14)} ${String(group.length).padStart(3)}  ${group[0].phoneNumber} … ${group[group.length - 1].phoneNumber}  ${capabilities}${activation ? `  (${activation} with an activation charge)` : ''}`;
	});
}

function describeListing(listing: RegulatoryListingJson | undefined): string {
	if (!listing) return '?';
	const who = listing.business ? `business "${listing.business.business}"` : `person "${listing.person?.givenName} ${listing.person?.familyName}"`;
	return `${listing.name}  ${who}, ${listing.address?.regionCode}, valid: ${listing.valid === true}, verified: ${listing.verified === true}`;
}

async function main(): Promise<void> {
	const port = process.env.PORT ? Number(process.env.PORT) : 3939;
	const emulator = await startEmulator({ port });
	const { projects, regulatoryListings } = emulator.seedSample();
	const key = emulator.createServiceAccount({ projectId: projects[0], projects, clientEmail: 'n8n-demo@demo-project.iam.enfonica.test' });
	const bearerToken = `emu-bearer-${randomBytes(18).toString('base64url')}`;
	emulator.addBearerToken(bearerToken, { projects, label: 'standalone-bearer' });

	const lines = [
		'',
		'Enfonica emulator running — paste these into the n8n "Enfonica API" credential:',
		'',
		`  API base URL:   ${emulator.baseUrl}`,
		`  Token URL:      ${emulator.tokenUrl}`,
		`  Projects:       ${projects.join(', ')}  (${projects[1]} starts empty)`,
		'',
		'  Service account key JSON (a throwaway key generated just now, valid only against this emulator):',
		'',
		JSON.stringify(key),
		'',
		`  Bearer token:   ${bearerToken}`,
		'',
		'  Numbers for sale (GET /v1beta1/phoneNumbers:search?countryCode=…):',
		...inventorySummary(emulator.listInventory()),
		'',
		`  Regulatory listings in ${projects[0]}:`,
		...regulatoryListings.map((name) => `    ${describeListing(emulator.getListing(name))}`),
		'',
		'Press Ctrl-C to stop.',
		'',
	];
	process.stdout.write(lines.join('\n'));

	const stop = (): void => {
		void emulator.close().then(() => process.exit(0));
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
	process.stderr.write(`Could not start the Enfonica emulator: ${(error as Error).message}\n`);
	process.exit(1);
});
