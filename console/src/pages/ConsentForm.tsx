import { useState } from 'react';
import { AGENCY_INFO, type AgencyInfo } from '@kim/schema/vocabulary';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.ts';
import type { Agency, ConsentForm as Form, DataCategory, Purpose, RepresentativeCapacity } from '../gql/graphql.ts';
import { agencyName, CATEGORY_DE, PARTNER_AGENCIES, PURPOSE_DE, WELFARE } from '../labels.ts';
import { href } from '../route.ts';
import { AgencySelect, Checkboxes, ErrorBox, Main, Success } from '../ui.tsx';

const Record = graphql(`
  mutation ConsoleRecordConsent($input: RecordConsentInput!) {
    recordConsent(input: $input) {
      id
      grantee
      state
    }
  }
`);

const CATEGORIES = Object.keys(CATEGORY_DE) as DataCategory[];
const PURPOSES = ['CASE_MANAGEMENT', 'REFERRAL', 'RESIDENCE_PROCEDURE', 'NATURALISATION_PROCEDURE', 'BENEFITS_ADMINISTRATION', 'LABOUR_MARKET_INTEGRATION', 'MIGRATION_COUNSELLING'] as Purpose[];
const SECRET: readonly DataCategory[] = ['COUNSELLING', 'HEALTH'];

/** Every field of the consent record (§ 67b (2) SGB X, Art. 7 GDPR); the service checks each. */
export function ConsentForm({ clientId, ownAgency }: { clientId: string; ownAgency: string }) {
  const [state, record] = useMutation(Record);
  // A KIM team records first the client's consent to its own case management (participation is
  // voluntary: without it the team sees nothing of the client), then the partners'.
  const ownTeam = (AGENCY_INFO as Record<string, AgencyInfo | undefined>)[ownAgency]?.town ? [ownAgency as Agency] : [];
  const recipients = [...ownTeam, ...PARTNER_AGENCIES];
  const [grantee, setGrantee] = useState<Agency>(ownTeam[0] ?? 'JOBCENTER');
  const [categories, setCategories] = useState<DataCategory[]>([]);
  const [purposes, setPurposes] = useState<Purpose[]>([]);
  const [form, setForm] = useState<Form>('WRITTEN');
  const [informed, setInformed] = useState({ purpose: false, refusal: false, withdrawal: false });
  const [sheetVersion, setSheetVersion] = useState('KIM-EW-2026.1');
  const [sheetLanguage, setSheetLanguage] = useState('de');
  const [interpreter, setInterpreter] = useState('');
  const [releasing, setReleasing] = useState<Agency | ''>('');
  const [repName, setRepName] = useState('');
  const [repCapacity, setRepCapacity] = useState<RepresentativeCapacity>('PARENT');
  const [evidenceRef, setEvidenceRef] = useState('');
  const [validUntil, setValidUntil] = useState('');
  const needsReleasing = categories.some((c) => SECRET.includes(c));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    await record({
      input: {
        clientId,
        grantee,
        categories,
        purposes,
        form,
        informedOfPurpose: informed.purpose,
        informedOfRefusalConsequences: informed.refusal,
        informedOfWithdrawalRight: informed.withdrawal,
        informationSheetVersion: sheetVersion,
        informationSheetLanguage: sheetLanguage,
        evidenceRef,
        ...(interpreter ? { interpreterLanguage: interpreter } : {}),
        ...(needsReleasing && releasing ? { releasingOrganisation: releasing } : {}),
        ...(repName ? { legalRepresentative: { name: repName, capacity: repCapacity } } : {}),
        ...(validUntil ? { validUntil } : {}),
      },
    });
  };

  const grant = state.data?.recordConsent;
  return (
    <Main title={`Einwilligung erfassen für ${clientId}`}>
      <p>
        <a href={href('klienten', clientId)}>Zurück zur Person</a>
      </p>
      {grant ? (
        <Success>
          <p>
            Einwilligung {grant.id} für {agencyName(grant.grantee)} erfasst.
          </p>
          <p>
            <a href={href('quittung', grant.id)}>Quittung für die Person drucken</a>
          </p>
        </Success>
      ) : (
        <form onSubmit={submit} className="stack">
          <ErrorBox error={state.error} />
          <p>
            <label htmlFor="grantee">Empfangende Stelle</label>
            <AgencySelect id="grantee" agencies={recipients} value={grantee} onChange={setGrantee} />
          </p>
          <Checkboxes legend="Datenkategorien" idPrefix="cat" options={CATEGORIES} labels={CATEGORY_DE} chosen={categories} onChange={setCategories} />
          {needsReleasing && (
            <p>
              <label htmlFor="releasing">Entbindende Stelle (Schweigepflicht, § 203 StGB)</label>
              <AgencySelect id="releasing" required agencies={WELFARE} value={releasing} onChange={setReleasing} empty="bitte wählen" />
            </p>
          )}
          <Checkboxes legend="Zwecke" idPrefix="purpose" options={PURPOSES} labels={PURPOSE_DE} chosen={purposes} onChange={setPurposes} />
          <fieldset>
            <legend>Form der Erklärung</legend>
            <div className="choice">
              <input type="radio" id="form-written" name="form" checked={form === 'WRITTEN'} onChange={() => setForm('WRITTEN')} />
              <label htmlFor="form-written">schriftlich</label>
            </div>
            <div className="choice">
              <input type="radio" id="form-electronic" name="form" checked={form === 'ELECTRONIC'} onChange={() => setForm('ELECTRONIC')} />
              <label htmlFor="form-electronic">elektronisch</label>
            </div>
          </fieldset>
          <fieldset>
            <legend>Die Person wurde informiert über</legend>
            <div className="choice">
              <input type="checkbox" id="inf-purpose" checked={informed.purpose} onChange={() => setInformed({ ...informed, purpose: !informed.purpose })} />
              <label htmlFor="inf-purpose">den Zweck der Übermittlung</label>
            </div>
            <div className="choice">
              <input type="checkbox" id="inf-refusal" checked={informed.refusal} onChange={() => setInformed({ ...informed, refusal: !informed.refusal })} />
              <label htmlFor="inf-refusal">die Folgen einer Verweigerung (und dass sie verweigern darf)</label>
            </div>
            <div className="choice">
              <input type="checkbox" id="inf-withdrawal" checked={informed.withdrawal} onChange={() => setInformed({ ...informed, withdrawal: !informed.withdrawal })} />
              <label htmlFor="inf-withdrawal">das Recht, jederzeit mit Wirkung für die Zukunft zu widerrufen</label>
            </div>
          </fieldset>
          <p>
            <label htmlFor="sheet-version">Version des Informationsblatts</label>
            <input id="sheet-version" required value={sheetVersion} onChange={(e) => setSheetVersion(e.target.value)} />
          </p>
          <p>
            <label htmlFor="sheet-language">Sprache des Informationsblatts (ISO 639, z. B. de, ar, uk)</label>
            <input id="sheet-language" required value={sheetLanguage} onChange={(e) => setSheetLanguage(e.target.value)} />
          </p>
          <p>
            <label htmlFor="interpreter">Gedolmetscht in (ISO 639, leer: ohne Dolmetschung)</label>
            <input id="interpreter" value={interpreter} onChange={(e) => setInterpreter(e.target.value)} />
          </p>
          <fieldset>
            <legend>Gesetzliche Vertretung (nur wenn jemand für die Person einwilligt)</legend>
            <p>
              <label htmlFor="rep-name">Name</label>
              <input id="rep-name" value={repName} onChange={(e) => setRepName(e.target.value)} />
            </p>
            <p>
              <label htmlFor="rep-capacity">Eigenschaft</label>
              <select id="rep-capacity" value={repCapacity} onChange={(e) => setRepCapacity(e.target.value as RepresentativeCapacity)}>
                <option value="PARENT">sorgeberechtigter Elternteil</option>
                <option value="GUARDIAN">Vormund</option>
                <option value="LEGAL_CARER">rechtliche Betreuung</option>
              </select>
            </p>
          </fieldset>
          <p>
            <label htmlFor="evidence">Ablagezeichen der unterschriebenen Erklärung (z. B. EV-2026-000123)</label>
            <input id="evidence" required value={evidenceRef} onChange={(e) => setEvidenceRef(e.target.value)} />
          </p>
          <p>
            <label htmlFor="valid-until">Gültig bis (leer: Standardfrist)</label>
            <input id="valid-until" type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} />
          </p>
          <button type="submit">Einwilligung erfassen</button>
        </form>
      )}
    </Main>
  );
}
