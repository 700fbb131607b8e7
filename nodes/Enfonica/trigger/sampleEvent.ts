import type { PhoneNumberInstance } from '../models/phoneNumberInstance';
import type { RegulatoryListing } from '../models/regulatoryListing';
import type { Change, TriggerEvent } from './diff';
import type { ListingReviewChange } from './listings';
import { knownOf } from './state';

/**
 * "Fetch Test Event": a change of the first selected kind, built from a real instance so the
 * fields downstream nodes map are the real ones. The instance's own data is never altered
 * (a test event must not claim a number is suspended when it is not); only the "previous"
 * values are invented, as a plausible transition into the current state.
 */
export function sampleChange(event: Exclude<TriggerEvent, 'listingReviewChanged'>, instance: PhoneNumberInstance, name: string): Change {
	const known = knownOf(instance);
	switch (event) {
		case 'lifecycleStateChanged':
			return { event, instance, previousLifecycleState: known.lifecycleState === 'ACTIVE' ? 'PENDING' : 'ACTIVE' };
		case 'complianceChanged':
			return { event, instance, previousCompliant: !known.compliant };
		case 'configurationChanged':
			return { event, instance, changedFields: ['displayName'] };
		case 'instanceAdded':
			return { event, instance };
		case 'instanceRemoved':
			return { event, name, lastKnown: known };
	}
}

/** "Fetch Test Event" for Regulatory Listing Review Changed: a real listing, as if its review had just made it valid. */
export function sampleListingChange(listing: RegulatoryListing): ListingReviewChange {
	return { event: 'listingReviewChanged', listing, previousValid: listing.valid !== true, previousVerified: listing.verified === true };
}
