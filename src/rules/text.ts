/** Whitespace-only text says nothing, so the rules treat it as missing. */
export function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
