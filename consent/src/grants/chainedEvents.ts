/**
 * When a grant event's link is backed: it names the event's own chain entry — a `GRANT_<type>`
 * entry of the same grant carrying the link's hash. The service's role may insert links (it
 * appends them), so a link alone would let an insider with the role's session make a forged grant
 * count; the trigger `GrantEventLink_backed` (migration grant_event_link_backed) refuses such a row
 * when it is written, so reads take the link alone. Verification (verifyGrants.ts) checks the same
 * rule over the stored rows, for what a superuser could write past the trigger.
 */
export function backsLink(
  event: { readonly grantId: string; readonly type: string },
  link: { readonly hash: string },
  entry: { readonly grantId: string | null; readonly reason: string; readonly grantEventHash: string | null } | undefined,
): boolean {
  return entry !== undefined && entry.grantId === event.grantId && entry.reason === `GRANT_${event.type}` && entry.grantEventHash === link.hash;
}
