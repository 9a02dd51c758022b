import type { CombinedError } from '@urql/core';
import { useQuery } from 'urql';
import type { ConsoleJoinedClientFieldsFragment } from '../gql/graphql.ts';
import { graphql } from '../gql/index.ts';
import { Denials, reasonText } from '../denial.ts';
import {
  agencyName,
  ASYLUM_STATE_DE,
  BENEFIT_STATUS_DE,
  formatDate,
  GOAL_STATUS_DE,
  label,
  NATURALISATION_APPLICATION_DE,
  NATURALISATION_REQUIREMENT_DE,
  REFERRAL_OUTCOME_DE,
  REFERRAL_REASON_DE,
  STATUS_DE,
  targetGroupText,
  TITLE_DE,
  townName,
} from '../labels.ts';
import { href } from '../route.ts';
import type { Session } from '../session.ts';
import { ErrorBox, Loading, Main } from '../ui.tsx';
import { CaseWork } from './CaseWork.tsx';
import { Consents } from './Consents.tsx';
import { TransferRequest } from './TransferRequest.tsx';

/** The joined view's fields: by KIM id here, by an agency's own file id in FileClientView.tsx. */
export const JoinedClientFields = graphql(`
  fragment ConsoleJoinedClientFields on Client {
      id
      givenName
      familyName
      birthDate
      nationality
      town
      contact {
        phone
        email
        address
      }
      status
      registeredAt
      caseManager {
        name
      }
      targetGroup {
        eligible
        stage
        reasonCode
      }
      targetGroupAtIntake {
        eligible
        stage
        on
      }
      goals {
        id
        title
        status
        dueDate
        workedOnBy
      }
      referrals {
        id
        toAgency
        reason
        sentAt
        firstContactAt
        outcome
      }
      notes {
        id
        createdAt
        text
      }
      healthNotes {
        id
        createdAt
        text
      }
      immigrationRecordId
      currentResidenceTitleType
      residentSince
      workPermitted
      asylumProcedure {
        state
      }
      naturalisationApplication {
        state
      }
      naturalisationReadiness {
        ready
        unmetRequirementCodes
      }
      languageLevel
      jobcenterRecordId
      receivesBenefits
      benefitCase {
        status
        since
      }
      cooperationPlan {
        agreedAt
        steps
      }
      measures {
        type
        provider
        startDate
      }
      counsellingContacts {
        id
        association
        date
        topic
      }
      housingNeeds {
        id
        description
      }
      healthNeeds {
        id
        description
      }
      languageCourses {
        id
        provider
        targetLevel
        completedAt
      }
  }
`);
const JoinedClient = graphql(`
  query ConsoleJoinedClient($id: ID!) {
    client(id: $id) {
      ...ConsoleJoinedClientFields
    }
  }
`);

type Value = string | number | boolean | null | undefined;

/** A joined view's answer, wherever it came from, its errors' paths rooted at `client`. */
export interface JoinedResult {
  readonly data?: { readonly client?: ConsoleJoinedClientFieldsFragment | null } | undefined;
  readonly error?: CombinedError | undefined;
  readonly fetching: boolean;
}

/** One field: its value, or why it has none — never a blank. */
function Field({ name, path, value, denials }: { name: string; path: string; value: Value; denials: Denials }) {
  const text = value === null || value === undefined || value === '' ? null : typeof value === 'boolean' ? (value ? 'ja' : 'nein') : String(value);
  return (
    <>
      <dt>{name}</dt>
      <dd>{text ?? <span className="denied">{reasonText(denials.at(`client.${path}`))}</span>}</dd>
    </>
  );
}

/** A list field: its rows, or why there are none. */
function ListField<T>({ name, path, rows, denials, render }: { name: string; path: string; rows: readonly T[] | null | undefined; denials: Denials; render: (row: T) => string }) {
  return (
    <>
      <dt>{name}</dt>
      <dd>
        {rows ? (
          rows.length ? (
            <ul>
              {rows.map((r, i) => (
                <li key={i}>{render(r)}</li>
              ))}
            </ul>
          ) : (
            'keine Einträge'
          )
        ) : (
          <span className="denied">{reasonText(denials.at(`client.${path}`))}</span>
        )}
      </dd>
    </>
  );
}

/** `loaded`: the client as an agency's file lookup answered it (FileClientView.tsx). */
export function ClientView({ id, session, loaded }: { id: string; session: Session; loaded?: JoinedResult }) {
  const [byId, reexecute] = useQuery({ query: JoinedClient, variables: { id }, pause: Boolean(loaded) });
  const result = loaded ?? byId;
  const c = result.data?.client;
  const d = new Denials(result.error);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const back = <p><a href={href('klienten')}>Zurück zur Liste</a></p>;
  if (result.fetching && !result.data) return <Main title={`Klient/in ${id}`}><Loading /></Main>;
  if (!c)
    return (
      <Main title={`Klient/in ${id}`}>
        {back}
        {result.error && !result.data ? <ErrorBox error={result.error} /> : <p role="alert">Nicht gefunden – oder für Sie nicht sichtbar.</p>}
      </Main>
    );
  const name = c.givenName || c.familyName ? `${c.givenName ?? ''} ${c.familyName ?? ''}`.trim() : id;
  return (
    <Main title={`${name} (${id})`}>
      {back}
      <p className="hint">Felder ohne Wert nennen den Grund: fehlende Einwilligung, gesetzlicher Ausschluss oder ein nicht erreichbarer Dienst.</p>
      <div className="groups">
        <section aria-labelledby="g-kim">
          <h2 id="g-kim">Kommunales Integrationsmanagement</h2>
          <dl>
            <Field name="Vorname" path="givenName" value={c.givenName} denials={d} />
            <Field name="Familienname" path="familyName" value={c.familyName} denials={d} />
            <Field name="Geburtsdatum" path="birthDate" value={c.birthDate && formatDate(c.birthDate)} denials={d} />
            <Field name="Staatsangehörigkeit" path="nationality" value={c.nationality} denials={d} />
            <Field name="Wohnort" path="town" value={c.town && townName(c.town)} denials={d} />
            <Field name="Telefon" path="contact.phone" value={c.contact?.phone} denials={d} />
            <Field name="E-Mail" path="contact.email" value={c.contact?.email} denials={d} />
            <Field name="Status" path="status" value={c.status && label(STATUS_DE, c.status)} denials={d} />
            <Field name="Case Management" path="caseManager" value={c.caseManager?.name} denials={d} />
            <Field name="Zielgruppe (heute)" path="targetGroup" value={c.targetGroup && targetGroupText(c.targetGroup)} denials={d} />
            <Field
              name="Zielgruppe (bei Aufnahme)"
              path="targetGroupAtIntake"
              value={c.targetGroupAtIntake ? `${targetGroupText(c.targetGroupAtIntake)}, geprüft am ${formatDate(c.targetGroupAtIntake.on)}` : d.at('client.targetGroupAtIntake') ? null : 'nicht geprüft (vor Einführung der Aufnahme registriert)'}
              denials={d}
            />
            <ListField name="Ziele (Förderplan)" path="goals" rows={c.goals} denials={d} render={(g) => `${g.title} (${label(GOAL_STATUS_DE, g.status)}${g.dueDate ? `, bis ${formatDate(g.dueDate)}` : ''}; ${agencyName(g.workedOnBy)})`} />
            <ListField
              name="Verweisungen"
              path="referrals"
              rows={c.referrals}
              denials={d}
              render={(r) => `${agencyName(r.toAgency)}: ${label(REFERRAL_REASON_DE, r.reason)}, gesendet ${formatDate(r.sentAt)}, Erstkontakt ${formatDate(r.firstContactAt)}, Ergebnis ${label(REFERRAL_OUTCOME_DE, r.outcome)}`}
            />
            <ListField name="Fallnotizen" path="notes" rows={c.notes} denials={d} render={(n) => `${formatDate(n.createdAt)}: ${n.text}`} />
            <ListField name="Gesundheitsnotizen" path="healthNotes" rows={c.healthNotes} denials={d} render={(n) => `${formatDate(n.createdAt)}: ${n.text}`} />
          </dl>
        </section>
        <section aria-labelledby="g-abh">
          <h2 id="g-abh">{agencyName('IMMIGRATION_OFFICE')}</h2>
          <dl>
            <Field name="Aktenzeichen" path="immigrationRecordId" value={c.immigrationRecordId} denials={d} />
            <Field name="Aufenthaltstitel" path="currentResidenceTitleType" value={c.currentResidenceTitleType && label(TITLE_DE, c.currentResidenceTitleType)} denials={d} />
            <Field name="Aufenthalt seit" path="residentSince" value={c.residentSince && formatDate(c.residentSince)} denials={d} />
            <Field name="Arbeit erlaubt" path="workPermitted" value={c.workPermitted} denials={d} />
            <Field name="Asylverfahren" path="asylumProcedure" value={c.asylumProcedure?.state && label(ASYLUM_STATE_DE, c.asylumProcedure.state)} denials={d} />
            <Field name="Einbürgerungsantrag" path="naturalisationApplication" value={c.naturalisationApplication?.state && label(NATURALISATION_APPLICATION_DE, c.naturalisationApplication.state)} denials={d} />
            <Field
              name="Einbürgerung möglich"
              path="naturalisationReadiness"
              value={c.naturalisationReadiness && (c.naturalisationReadiness.ready ? 'ja' : `nein (${c.naturalisationReadiness.unmetRequirementCodes.map((code) => label(NATURALISATION_REQUIREMENT_DE, code)).join(', ')})`)}
              denials={d}
            />
            <Field name="Sprachniveau" path="languageLevel" value={c.languageLevel} denials={d} />
          </dl>
        </section>
        <section aria-labelledby="g-jc">
          <h2 id="g-jc">{agencyName('JOBCENTER')}</h2>
          <dl>
            <Field name="Fallnummer" path="jobcenterRecordId" value={c.jobcenterRecordId} denials={d} />
            <Field name="Bezieht Leistungen" path="receivesBenefits" value={c.receivesBenefits} denials={d} />
            <Field name="Leistungsfall" path="benefitCase" value={c.benefitCase && `${label(BENEFIT_STATUS_DE, c.benefitCase.status)} seit ${formatDate(c.benefitCase.since)}`} denials={d} />
            <Field name="Kooperationsplan" path="cooperationPlan" value={c.cooperationPlan && `vereinbart ${formatDate(c.cooperationPlan.agreedAt)}: ${(c.cooperationPlan.steps ?? []).join('; ')}`} denials={d} />
            <ListField name="Maßnahmen" path="measures" rows={c.measures} denials={d} render={(m) => `${m.type ?? '–'} (${m.provider ?? '–'}, ab ${formatDate(m.startDate)})`} />
          </dl>
        </section>
        <section aria-labelledby="g-wf">
          <h2 id="g-wf">Wohlfahrtsverbände (Migrationsberatung)</h2>
          <dl>
            <ListField name="Beratungskontakte" path="counsellingContacts" rows={c.counsellingContacts} denials={d} render={(k) => `${formatDate(k.date)}, ${agencyName(k.association)}: ${k.topic ?? '–'}`} />
            <ListField name="Wohnbedarfe" path="housingNeeds" rows={c.housingNeeds} denials={d} render={(n) => n.description ?? '–'} />
            <ListField name="Gesundheitliche Bedarfe" path="healthNeeds" rows={c.healthNeeds} denials={d} render={(n) => n.description ?? '–'} />
            <ListField name="Sprachkurse" path="languageCourses" rows={c.languageCourses} denials={d} render={(k) => `${k.provider ?? '–'}, Ziel ${k.targetLevel ?? '–'}${k.completedAt ? `, abgeschlossen ${formatDate(k.completedAt)}` : ''}`} />
          </dl>
        </section>
      </div>
      {session.role.startsWith('IMMIGRATION_') && <TransferRequest clientId={id} />}
      {session.role === 'CASE_MANAGER' && (
        <>
          <p>
            <a href={href('auskunft', id)}>Auskunft nach Art. 15 DSGVO als Brief</a>
          </p>
          <Consents clientId={id} />
          <CaseWork clientId={id} goals={c.goals ?? []} closed={c.status === 'CLOSED'} onChanged={refresh} />
        </>
      )}
    </Main>
  );
}
