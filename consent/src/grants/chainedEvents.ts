/**
 * When a grant event counts as chained: its link names an entry of the audit chain that is that
 * event's own — a grant-event entry of the same grant and type carrying the link's hash. A link
 * alone proves nothing: the service's role may insert links (it appends them), so one that no
 * such entry backs (auditSeq 0, or an entry of something else) is what an insider with the role's
 * session could write without the audit key, and it must decide nothing (verifyGrants.ts flags it).
 *
 * SQL: joins `GrantEventLink <link>` and `AuditEntry <entry>` to `GrantEvent <event>`, as inner
 * joins (`chainedEventJoin`) or as one parenthesised LEFT JOIN (`chainedEventLeftJoin`).
 */
export const chainedEventJoin = (event: string, link: string, entry: string) =>
  `JOIN "GrantEventLink" ${link} ON ${link}."eventSeq" = ${event}."seq"
  JOIN "AuditEntry" ${entry} ON ${linkBacked(event, link, entry)}`;

export const chainedEventLeftJoin = (event: string, link: string, entry: string) =>
  `LEFT JOIN ("GrantEventLink" ${link} JOIN "AuditEntry" ${entry} ON ${entry}."seq" = ${link}."auditSeq" AND ${entry}."grantEventHash" = ${link}."hash")
    ON ${link}."eventSeq" = ${event}."seq" AND ${entry}."grantId" = ${event}."grantId" AND ${entry}."reason" = 'GRANT_' || ${event}."type"`;

const linkBacked = (event: string, link: string, entry: string) =>
  `${entry}."seq" = ${link}."auditSeq" AND ${entry}."grantEventHash" = ${link}."hash" AND ${entry}."grantId" = ${event}."grantId" AND ${entry}."reason" = 'GRANT_' || ${event}."type"`;

/** The same rule over rows already read (Prisma): does this entry back this event's link? */
export function backsLink(
  event: { readonly grantId: string; readonly type: string },
  link: { readonly hash: string },
  entry: { readonly grantId: string | null; readonly reason: string; readonly grantEventHash: string | null } | undefined,
): boolean {
  return entry !== undefined && entry.grantId === event.grantId && entry.reason === `GRANT_${event.type}` && entry.grantEventHash === link.hash;
}
