/** A failure the operator can act on: its message is printed as is (no stack, never a secret). */
export class CopyError extends Error {
  override name = 'CopyError';
}
