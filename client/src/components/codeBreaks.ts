// Where a SKU or code may wrap. Pure.
//
// Browsers only break "SBX-TEE-BLK-M" after some hyphens and never after "_" or "."; with
// overflow-wrap they break anywhere, "SBX-TE" / "E-BLK-M". Splitting after each separator lets the
// component put a <wbr> there, so a narrow column wraps "SBX-TEE-" / "BLK-M" and never mid-word.

const SEPARATOR = /[-_/.:|+]/;

/** "SBX-TEE_BLK" → ["SBX-", "TEE_", "BLK"]; each part but the last ends with its separator. */
export function codeBreakParts(code: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const char of code) {
    current += char;
    if (SEPARATOR.test(char)) {
      parts.push(current);
      current = '';
    }
  }
  if (current || parts.length === 0) parts.push(current);
  return parts;
}
