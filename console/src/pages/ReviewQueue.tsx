import { useEffect, useMemo, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { graphql } from '../gql/index.ts';
import type { ConsoleAuditScanQuery, ConsoleReviewQueueQuery } from '../gql/graphql.ts';
import { agencyName, AUDIT_REASON_DE, CATEGORY_DE, formatDate, label, NORM_DE, type DataCategory } from '../labels.ts';
import { ErrorBox, Loading, Main } from '../ui.tsx';

const Queue = graphql(`
  query ConsoleReviewQueue($since: String!) {
    consentGrants(filter: { includeRevoked: false }) {
      id
      clientId
      grantee
      state
      evidenceRef
      form
      informedOfPurpose
      informedOfRefusalConsequences
      informedOfWithdrawalRight
      informationSheetVersion
      informationSheetLanguage
      interpreterLanguage
      validUntil
    }
    transferRequests(from: $since, first: 100) {
      seq
      at
      agency
      clientId
      allowed
      transferReason
      fileReference
    }
  }
`);

const AuditScan = graphql(`
  query ConsoleAuditScan($since: String!, $after: String) {
    auditTrail(filter: { from: $since }, first: 500, after: $after) {
      edges {
        node {
          seq
          at
          subject
          agency
          clientId
          category
          allowed
          reason
          legalBar
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** Pages of the audit trail the queue reads at most (500 entries each). */
const MAX_PAGES = 20;

type Entry = NonNullable<ConsoleAuditScanQuery['auditTrail']>['edges'][number]['node'];

/** The period's audit entries, page by page: the newest are last, and they matter most here. */
function useAuditScan(since: string): { entries: Entry[]; complete: boolean; done: boolean; failed: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ entries: Entry[]; complete: boolean; done: boolean; failed: boolean }>({ entries: [], complete: false, done: false, failed: false });
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const entries: Entry[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result = await client.query(AuditScan, { since, after }).toPromise();
        if (cancelled) return;
        if (!result.data) {
          setState({ entries, complete: false, done: true, failed: true });
          return;
        }
        entries.push(...result.data.auditTrail.edges.map((e) => e.node));
        if (!result.data.auditTrail.pageInfo.hasNextPage) {
          setState({ entries, complete: true, done: true, failed: false });
          return;
        }
        after = result.data.auditTrail.pageInfo.endCursor ?? null;
      }
      setState({ entries, complete: false, done: true, failed: false });
    })();
    return () => {
      cancelled = true;
    };
  }, [client, since]);
  return state;
}

const DAY = 24 * 60 * 60 * 1000;

type Grant = ConsoleReviewQueueQuery['consentGrants'][number];

/**
 * Why a grant's evidence is weak, or null. Records from before every field was required may lack
 * one; a complete record is still weak when the client needed an interpreter but got the sheet in
 * German only, or when its filing reference is also the evidence of another client's grant (one
 * signed declaration cannot be two clients' consent).
 */
export function weakEvidence(g: Grant, all: readonly Grant[]): string | null {
  if (!g.evidenceRef) return 'kein Ablagezeichen';
  if (!g.form) return 'Form der Erklärung fehlt';
  if (!g.informationSheetVersion) return 'Informationsblatt fehlt';
  if (!g.informedOfPurpose || !g.informedOfRefusalConsequences || !g.informedOfWithdrawalRight) return 'Belehrung unvollständig';
  if (g.interpreterLanguage && g.interpreterLanguage !== 'de' && g.informationSheetLanguage === 'de') return 'mit Dolmetscher erklärt, Informationsblatt nur auf Deutsch';
  const others = all.filter((o) => o.evidenceRef === g.evidenceRef && o.clientId !== g.clientId);
  if (others.length > 0) return `Ablagezeichen ${g.evidenceRef} auch für ${[...new Set(others.map((o) => o.clientId))].join(', ')}`;
  return null;
}
/** Denials of one user within the window from which the queue asks for a look. */
export const DENIAL_SPIKE = 20;

/** Data-protection officer: what to look at first. */
export function ReviewQueue() {
  const [days, setDays] = useState(7);
  const since = useMemo(() => new Date(Date.now() - days * DAY).toISOString(), [days]);
  const [result] = useQuery({ query: Queue, variables: { since } });
  const data = result.data;
  const now = Date.now();
  const grants = data?.consentGrants ?? [];
  const weak = grants.flatMap((g) => {
    const why = g.state === 'ACTIVE' ? weakEvidence(g, grants) : null;
    return why ? [{ ...g, why }] : [];
  });
  const expiring = (data?.consentGrants ?? []).filter((g) => g.state === 'ACTIVE' && g.validUntil && new Date(g.validUntil).getTime() - now < 30 * DAY);
  const scan = useAuditScan(since);
  const entries = scan.entries;
  const barred = entries.filter((e) => e.reason === 'LEGALLY_BARRED');
  const denials = new Map<string, { agency: string | null | undefined; count: number }>();
  for (const e of entries) if (!e.allowed) denials.set(e.subject, { agency: e.agency, count: (denials.get(e.subject)?.count ?? 0) + 1 });
  const spikes = [...denials.entries()].filter(([, v]) => v.count >= DENIAL_SPIKE).sort((a, b) => b[1].count - a[1].count);

  return (
    <Main title="Prüfliste">
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <p>
          <label htmlFor="queue-days">Zeitraum</label>
          <select id="queue-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
            <option value={1}>letzter Tag</option>
            <option value={7}>letzte 7 Tage</option>
            <option value={30}>letzte 30 Tage</option>
          </select>
        </p>
      </form>
      <ErrorBox error={result.error} />
      {result.fetching && <Loading />}
      {data && (
        <>
          {!scan.done && <p role="status">Protokoll wird ausgewertet …</p>}
          {scan.failed && <p role="alert" className="error">Das Protokoll konnte nicht vollständig gelesen werden.</p>}
          {scan.done && !scan.complete && !scan.failed && <p className="notice">Das Protokoll des Zeitraums hat mehr als {MAX_PAGES * 500} Einträge; ausgewertet sind die ersten {MAX_PAGES * 500}.</p>}
          <Section title={`Einwilligungen mit schwachem Nachweis (${weak.length})`} empty="Keine.">
            {weak.map((g) => (
              <li key={g.id}>
                {g.id} ({g.clientId}) an {agencyName(g.grantee)}: {g.why}
              </li>
            ))}
          </Section>
          <Section title={`Einwilligungen, die in 30 Tagen ablaufen (${expiring.length})`} empty="Keine.">
            {expiring.map((g) => (
              <li key={g.id}>
                {g.id} ({g.clientId}) an {agencyName(g.grantee)}: gültig bis {formatDate(g.validUntil)}
              </li>
            ))}
          </Section>
          <Section title={`Ablehnungen wegen gesetzlichen Ausschlusses (${barred.length})`} empty="Keine.">
            {barred.slice(0, 50).map((e) => (
              <li key={e.seq}>
                {formatDate(e.at)}: {agencyName(e.agency)} – {e.clientId}, {e.category ? (CATEGORY_DE[e.category as DataCategory] ?? e.category) : '–'} ({label(NORM_DE, e.legalBar)})
              </li>
            ))}
          </Section>
          <Section title={`Anfragen nach § 87 AufenthG (${data.transferRequests.length})`} empty="Keine.">
            {data.transferRequests.map((t) => (
              <li key={t.seq}>
                {formatDate(t.at)}: {agencyName(t.agency)} – {t.clientId}, Aktenzeichen {t.fileReference}: „{t.transferReason}“ ({t.allowed ? 'beantwortet' : 'abgelehnt'})
              </li>
            ))}
          </Section>
          <Section title={`Auffällig viele Ablehnungen für eine Person (ab ${DENIAL_SPIKE}) (${spikes.length})`} empty="Keine.">
            {spikes.map(([subject, v]) => (
              <li key={subject}>
                {subject} ({agencyName(v.agency)}): {v.count} Ablehnungen, zuletzt u. a. {label(AUDIT_REASON_DE, entries.find((e) => e.subject === subject && !e.allowed)?.reason)}
              </li>
            ))}
          </Section>
        </>
      )}
    </Main>
  );
}

function Section({ title, empty, children }: { title: string; empty: string; children: React.ReactNode[] }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {children.length ? <ul>{children}</ul> : <p>{empty}</p>}
    </section>
  );
}
