// What may travel in an HTTP header to the fulfillment backend (Fulfillment-Account, Authorization,
// Idempotency-Key): visible ASCII, no spaces, at most 255 characters. One rule for the fulfillment
// client (which refuses to send anything else) and for the Settings form's request schema (which
// refuses to save it), so a credential saved is a credential that can be sent. Pure, no imports.
const TOKEN_CHARS = /^[\x21-\x7e]{1,255}$/;

/** Header values fetch accepts and the backend reads back unchanged. */
export function isHeaderSafeToken(value: string): boolean {
  return TOKEN_CHARS.test(value);
}
