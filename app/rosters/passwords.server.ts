/** Where a just-imported roster's initial passwords wait for their one download (the shared store). */
export const PASSWORDS_TTL_MS = 30 * 60 * 1000;

export function passwordsKey(ownerId: string, token: string): string {
  return `roster-passwords:${ownerId}:${token}`;
}
