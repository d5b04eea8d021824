/** Bumped on any incompatible change of events or payloads; the hub refuses other versions. */
export const PROTOCOL_VERSION = 2;
