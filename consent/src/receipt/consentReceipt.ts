import { AGENCY_INFO, isAgency, type DataCategory, type Purpose } from '@kim/schema';
import { CATEGORY_TEXT, GRANT_EVENT_TEXT, PURPOSE_TEXT, SUPERVISORY_AUTHORITY } from '@kim/schema/clientTexts';
import type { GrantContent } from '../audit/grantEventHash.ts';

// The client's receipt of a consent record: a German document that prints to A4, saying in plain
// words who may receive what, what for, until when, how to withdraw and whom to ask. Built from
// the record alone (the consent service holds no names or addresses of clients).

const FORM_TEXT: Record<string, string> = { WRITTEN: 'schriftlich', ELECTRONIC: 'elektronisch' };
const CAPACITY_TEXT: Record<string, string> = { PARENT: 'sorgeberechtigter Elternteil', GUARDIAN: 'Vormund', LEGAL_CARER: 'rechtliche Betreuerin / rechtlicher Betreuer' };
const STATE_TEXT: Record<string, string> = {
  ACTIVE: 'gültig',
  NOT_YET_VALID: 'noch nicht gültig',
  EXPIRED: 'abgelaufen',
  CASE_ENDED: 'beendet, weil Ihre Begleitung im Integrationsmanagement beendet ist',
  WITHDRAWN: 'widerrufen',
  REFUSED: 'abgelehnt – es werden keine Daten auf dieser Grundlage weitergegeben',
  UNCHAINED: 'nicht wirksam',
};
/** Languages a sheet is likely to be in; any other ISO 639 code is shown as it is. */
const LANGUAGE_TEXT: Record<string, string> = {
  de: 'Deutsch', en: 'Englisch', ar: 'Arabisch', fa: 'Persisch', prs: 'Dari', ps: 'Paschtu', uk: 'Ukrainisch', ru: 'Russisch', tr: 'Türkisch',
  ku: 'Kurdisch', ti: 'Tigrinya', so: 'Somali', fr: 'Französisch', sq: 'Albanisch',
};

export interface ReceiptInput {
  readonly grant: GrantContent;
  readonly state: string;
  readonly validUntil: Date | null;
  readonly events: readonly { readonly type: string; readonly at: Date; readonly agency: string; readonly reason: string | null; readonly validUntil: Date | null }[];
  /** The KIM team that holds the client now (whom to ask first), if any. */
  readonly holder: string | null;
  readonly issuedAt: Date;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const name = (agency: string) => (isAgency(agency) ? AGENCY_INFO[agency].name : agency);
/** A date as Germans write it, in Berlin time (the client's day, not UTC's). */
const date = (d: Date) => d.toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });
const language = (code: string | null) => (code === null ? null : `${LANGUAGE_TEXT[code] ?? code} (${code})`);

function row(label: string, value: string | null): string {
  return value === null ? '' : `<tr><th scope="row">${escape(label)}</th><td>${escape(value)}</td></tr>`;
}

/** The receipt as one self-contained HTML document (no scripts, no external resources). */
export function consentReceiptHtml(r: ReceiptInput): string {
  const g = r.grant;
  const refused = r.state === 'REFUSED';
  const title = refused ? 'Bestätigung: Sie haben nicht eingewilligt' : 'Bestätigung Ihrer Einwilligung in die Weitergabe von Daten';
  const categories = g.categories.map((c) => `<li>${escape(CATEGORY_TEXT[c as DataCategory] ?? c)}</li>`).join('');
  const purposes = g.purposes.map((p) => `<li>${escape(PURPOSE_TEXT[p as Purpose] ?? p)}</li>`).join('');
  const dpo = name('DATA_PROTECTION');
  const contacts = [r.holder ? name(r.holder) : null, refused ? null : name(g.grantee), dpo].filter((x): x is string => x !== null);
  const history = r.events
    .map((e) => `<li>${escape(date(e.at))}: ${escape(GRANT_EVENT_TEXT[e.type] ?? e.type)} (${escape(name(e.agency))})${e.type === 'RENEWED' && e.validUntil ? `, gültig bis ${escape(date(e.validUntil))}` : ''}${e.reason ? ` – ${escape(e.reason)}` : ''}</li>`)
    .join('');
  const representative = g.legalRepresentativeName ? `${g.legalRepresentativeName} (${CAPACITY_TEXT[g.legalRepresentativeCapacity ?? ''] ?? g.legalRepresentativeCapacity})` : null;
  return `<!DOCTYPE html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${escape(title)} – ${escape(g.id)}</title>
<style>
  @page { size: A4; margin: 20mm 18mm; }
  html { font-family: "Segoe UI", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45; color: #000; }
  body { max-width: 174mm; margin: 0 auto; }
  h1 { font-size: 16pt; margin: 0 0 4mm; }
  h2 { font-size: 12pt; margin: 6mm 0 2mm; border-bottom: 0.3mm solid #000; page-break-after: avoid; }
  table { border-collapse: collapse; width: 100%; }
  th { text-align: left; font-weight: 600; width: 55mm; vertical-align: top; padding: 1mm 3mm 1mm 0; }
  td { padding: 1mm 0; vertical-align: top; }
  ul { margin: 0; padding-left: 6mm; }
  section { page-break-inside: avoid; }
  .state { font-weight: 700; }
  .small { font-size: 9pt; }
  @media screen { body { margin: 10mm auto; } }
</style>
</head>
<body>
<h1>${escape(title)}</h1>
<p class="small">Kommunales Integrationsmanagement Rhein-Kreis Neuss · Vorgangsnummer ${escape(g.id)} · Klient/in ${escape(g.kimClientId)} · erstellt am ${escape(date(r.issuedAt))}</p>
<section>
<h2>Worum es geht</h2>
<table>
${row('Empfänger', name(g.grantee))}
${row('Stand', STATE_TEXT[r.state] ?? r.state)}
${row(refused ? 'Abgelehnt am' : 'Gültig ab', date(g.validFrom))}
${refused ? '' : row('Gültig bis', r.validUntil ? date(r.validUntil) : 'bis zum Widerruf')}
${row('Erklärt', g.form ? FORM_TEXT[g.form] ?? g.form : null)}
${row('Freigebende Stelle (Schweigepflicht)', g.releasingOrganisation ? name(g.releasingOrganisation) : null)}
${row('Erklärt durch', representative)}
${row('Informationsblatt', g.informationSheetVersion ? `Fassung ${g.informationSheetVersion}${g.informationSheetLanguage ? `, ${language(g.informationSheetLanguage)}` : ''}` : null)}
${row('Dolmetscher/in', language(g.interpreterLanguage))}
${row('Ablage der Erklärung', g.evidenceRef)}
</table>
</section>
<section>
<h2>${refused ? 'Diese Daten werden nicht auf Grund einer Einwilligung weitergegeben' : 'Welche Daten weitergegeben werden dürfen'}</h2>
<ul>${categories}</ul>
</section>
<section>
<h2>${refused ? 'Wofür Sie nicht eingewilligt haben' : 'Wofür'}</h2>
<ul>${purposes}</ul>
</section>
<section>
<h2>${refused ? 'Wenn Sie es sich anders überlegen' : 'Wie Sie widerrufen können'}</h2>
${
  refused
    ? '<p>Sie können später jederzeit doch einwilligen. Ihre Ablehnung hat keine Nachteile bei Leistungen, auf die Sie einen Anspruch haben.</p>'
    : `<p>Ihre Einwilligung ist freiwillig. Sie können sie jederzeit ohne Angabe von Gründen widerrufen – mündlich, schriftlich oder per E-Mail – bei jeder der unten genannten Stellen. Der Widerruf gilt ab sofort: Ab der nächsten Abfrage werden keine Daten mehr auf Grund dieser Einwilligung weitergegeben. Was bis zum Widerruf weitergegeben wurde, bleibt rechtmäßig (Art. 7 Abs. 3 DSGVO). Wenn Sie widerrufen, entstehen Ihnen keine Nachteile bei Leistungen, auf die Sie einen Anspruch haben.</p>`
}
</section>
<section>
<h2>Wen Sie fragen können</h2>
<ul>${contacts.map((c) => `<li>${escape(c)}</li>`).join('')}</ul>
<p>Sie haben das Recht auf Auskunft, wer welche Ihrer Daten erhalten hat (Art. 15 DSGVO), und das Recht, sich bei der ${escape(SUPERVISORY_AUTHORITY.dative)} zu beschweren.</p>
</section>
<section>
<h2>Verlauf</h2>
<ul>${history}</ul>
</section>
</body>
</html>
`;
}
