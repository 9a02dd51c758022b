import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.ts';
import type { ResidenceTitleType } from '../gql/graphql.ts';
import { argumentName } from '../denial.ts';
import { formatDate, targetGroupText, TITLE_DE } from '../labels.ts';
import { href } from '../route.ts';
import { ErrorBox, Main, Success } from '../ui.tsx';

const RegisterClient = graphql(`
  mutation ConsoleRegisterClient($input: RegisterClientInput!) {
    registerClient(input: $input) {
      clientId
      eligibleAtIntake
      eligibilityStage
      eligibilityReasonCode
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);

/** The form's fields by the argument a refusal of bad input names (`input.birthDate` → its input's id). */
const FIELD_IDS: Record<string, string> = {
  'input.givenName': 'in-given',
  'input.familyName': 'in-family',
  'input.birthDate': 'in-birth',
  'input.nationality': 'in-nationality',
  'input.phone': 'in-phone',
  'input.email': 'in-email',
  'input.address': 'in-address',
  'input.firstContactOn': 'in-first-contact',
  'input.residenceTitleType': 'in-title',
  'input.priorCaseManagement': 'in-prior-no',
};

/**
 * Intake: registers a person with the team (every field `registerClient` takes). The answer
 * tells the target-group check on the first contact date, with its reason; a person some KIM
 * team already holds is refused without anything of that record.
 */
export function Intake() {
  const [state, register] = useMutation(RegisterClient);
  const [givenName, setGivenName] = useState('');
  const [familyName, setFamilyName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [nationality, setNationality] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [address, setAddress] = useState('');
  const [firstContactOn, setFirstContactOn] = useState(today());
  const [title, setTitle] = useState<ResidenceTitleType | ''>('');
  const [prior, setPrior] = useState<boolean | null>(null);
  const [priorMissing, setPriorMissing] = useState(false);

  const badArgument = state.error?.graphQLErrors[0]?.extensions?.code === 'BAD_USER_INPUT' ? state.error.graphQLErrors[0]?.extensions?.argument : undefined;
  const badField = typeof badArgument === 'string' ? FIELD_IDS[badArgument] : undefined;
  const invalid = (id: string) => (badField === id ? { 'aria-invalid': true as const, 'aria-describedby': 'intake-error' } : {});

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    // The graph takes it as a non-null Boolean: an unanswered question is asked here, by name.
    setPriorMissing(prior === null);
    if (prior === null) return;
    await register({
      input: {
        givenName,
        familyName,
        birthDate,
        nationality,
        phone: phone || null,
        email: email || null,
        address: address || null,
        firstContactOn,
        residenceTitleType: title || null,
        priorCaseManagement: prior,
      },
    });
  };

  const done = state.data?.registerClient;
  return (
    <Main title="Aufnahme einer Person">
      {done ? (
        <Success>
          <p>
            Aufgenommen als <a href={href('klienten', done.clientId)}>{done.clientId}</a>.
          </p>
          <p>
            Zielgruppe am {formatDate(firstContactOn)}:{' '}
            <strong>{done.eligibleAtIntake === null || done.eligibleAtIntake === undefined ? 'nicht geprüft' : targetGroupText({ eligible: done.eligibleAtIntake, stage: done.eligibilityStage, reasonCode: done.eligibilityReasonCode })}</strong>
          </p>
        </Success>
      ) : null}
      {done ? (
        <p>
          Nächster Schritt: <a href={href('einwilligung', 'neu', done.clientId)}>Einwilligung zur Teilnahme am Fallmanagement erfassen</a> — ohne sie sieht das Team die Daten der Person nicht.
        </p>
      ) : (
        <form onSubmit={submit} className="stack" noValidate>
          <p className="hint">Felder mit * sind Pflicht. Die Zielgruppe wird am Tag des Erstkontakts geprüft und mit ihrem Grund gespeichert.</p>
          <div id="intake-error">
            <ErrorBox error={priorMissing ? undefined : state.error} />
            {priorMissing && (
              <div className="error" role="alert">
                <p>Bitte beantworten Sie im Feld „bisheriges Case Management“, ob die Person schon ein Case Management hatte.</p>
              </div>
            )}
          </div>
          {badArgument !== undefined && !badField && <p className="hint">Betroffenes Feld: {argumentName(badArgument)}</p>}
          <p>
            <label htmlFor="in-given">Vorname *</label>
            <input id="in-given" required autoComplete="off" value={givenName} onChange={(e) => setGivenName(e.target.value)} {...invalid('in-given')} />
          </p>
          <p>
            <label htmlFor="in-family">Familienname *</label>
            <input id="in-family" required autoComplete="off" value={familyName} onChange={(e) => setFamilyName(e.target.value)} {...invalid('in-family')} />
          </p>
          <p>
            <label htmlFor="in-birth">Geburtsdatum *</label>
            <input id="in-birth" type="date" required value={birthDate} onChange={(e) => setBirthDate(e.target.value)} {...invalid('in-birth')} />
          </p>
          <p>
            <label htmlFor="in-nationality">Staatsangehörigkeit *</label>
            <input id="in-nationality" required autoComplete="off" value={nationality} onChange={(e) => setNationality(e.target.value)} {...invalid('in-nationality')} />
          </p>
          <p>
            <label htmlFor="in-phone">Telefon</label>
            <input id="in-phone" type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} {...invalid('in-phone')} />
          </p>
          <p>
            <label htmlFor="in-email">E-Mail</label>
            <input id="in-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} {...invalid('in-email')} />
          </p>
          <p>
            <label htmlFor="in-address">Anschrift</label>
            <input id="in-address" autoComplete="off" value={address} onChange={(e) => setAddress(e.target.value)} {...invalid('in-address')} />
          </p>
          <p>
            <label htmlFor="in-first-contact">Datum des Erstkontakts *</label>
            <input id="in-first-contact" type="date" required value={firstContactOn} onChange={(e) => setFirstContactOn(e.target.value)} {...invalid('in-first-contact')} />
          </p>
          <p>
            <label htmlFor="in-title">Aufenthaltstitel bei Aufnahme (wie vorgelegt)</label>
            <select id="in-title" value={title} onChange={(e) => setTitle(e.target.value as ResidenceTitleType | '')} {...invalid('in-title')}>
              <option value="">keiner vorgelegt</option>
              {Object.entries(TITLE_DE).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </p>
          <fieldset {...(badField === 'in-prior-no' || priorMissing ? { 'aria-describedby': 'intake-error' } : {})}>
            <legend>Hatte die Person schon ein Case Management? *</legend>
            <div className="choice">
              <input type="radio" id="in-prior-no" name="prior" checked={prior === false} onChange={() => setPrior(false)} />
              <label htmlFor="in-prior-no">nein</label>
            </div>
            <div className="choice">
              <input type="radio" id="in-prior-yes" name="prior" checked={prior === true} onChange={() => setPrior(true)} />
              <label htmlFor="in-prior-yes">ja</label>
            </div>
          </fieldset>
          <button type="submit">Person aufnehmen</button>
        </form>
      )}
    </Main>
  );
}
