/**
 * libphonenumber-js, as the package ships it: the build (gulpfile.js, `bundleLibphonenumber`)
 * overwrites this file's compiled output with the library itself, bundled, so the package has no
 * runtime dependencies. Only helpers/phoneNumbers imports it.
 */
export { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js';
export type { CountryCode } from 'libphonenumber-js';
