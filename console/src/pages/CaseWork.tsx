import { useState } from 'react';
import { useMutation } from 'urql';
import { graphql } from '../gql/index.ts';
import type { Agency, ClosingReason, GoalStatus, NoteCategory, ReferralReason } from '../gql/graphql.ts';
import { agencyName, CLOSING_REASON_DE, formatDate, GOAL_STATUS_DE, label, PARTNER_AGENCIES, REFERRAL_REASON_DE } from '../labels.ts';
import { AgencySelect, ErrorBox, Success } from '../ui.tsx';

const AddNote = graphql(`
  mutation ConsoleAddNote($clientId: ID!, $category: NoteCategory!, $text: String!) {
    addCaseNote(clientId: $clientId, category: $category, text: $text) {
      id
    }
  }
`);
const SendReferral = graphql(`
  mutation ConsoleSendReferral($clientId: ID!, $toAgency: Agency!, $reason: ReferralReason!, $note: String) {
    sendReferral(clientId: $clientId, toAgency: $toAgency, reason: $reason, note: $note) {
      id
    }
  }
`);
const AddGoal = graphql(`
  mutation ConsoleAddGoal($clientId: ID!, $input: GoalInput!) {
    addGoal(clientId: $clientId, input: $input) {
      id
    }
  }
`);
const SetGoalStatus = graphql(`
  mutation ConsoleSetGoalStatus($id: ID!, $status: GoalStatus!, $dueDate: String) {
    setGoalStatus(id: $id, status: $status, dueDate: $dueDate) {
      id
    }
  }
`);
const CloseCase = graphql(`
  mutation ConsoleCloseCase($id: ID!, $closedOn: String!, $reason: ClosingReason!) {
    closeCase(id: $id, closedOn: $closedOn, reason: $reason) {
      clientId
    }
  }
`);

const today = () => new Date().toISOString().slice(0, 10);

/** A goal of the case plan as the joined view read it. */
export interface PlanGoal {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly dueDate?: string | null;
}

const GOAL_STATUSES = Object.keys(GOAL_STATUS_DE) as GoalStatus[];

/** Case plan, notes, referrals and closing of a client the team holds. */
export function CaseWork({ clientId, goals, closed, onChanged }: { clientId: string; goals: readonly PlanGoal[]; closed: boolean; onChanged: () => void }) {
  const [note, addNote] = useMutation(AddNote);
  const [goalChange, setGoalStatus] = useMutation(SetGoalStatus);
  const [goalId, setGoalId] = useState('');
  const chosenGoal = goals.find((g) => g.id === goalId) ?? goals[0];
  const [goalStatus, setGoalStatusValue] = useState<GoalStatus | ''>('');
  const [goalNewDue, setGoalNewDue] = useState('');
  const [referral, sendReferral] = useMutation(SendReferral);
  const [goal, addGoal] = useMutation(AddGoal);
  const [closing, closeCase] = useMutation(CloseCase);
  const [done, setDone] = useState('');
  const [noteText, setNoteText] = useState('');
  const [noteCategory, setNoteCategory] = useState<NoteCategory>('CASE_NOTES');
  const [toAgency, setToAgency] = useState<Agency>('JOBCENTER');
  const [reason, setReason] = useState<ReferralReason>('JOB_SEARCH');
  const [referralNote, setReferralNote] = useState('');
  const [goalTitle, setGoalTitle] = useState('');
  const [goalDue, setGoalDue] = useState('');
  const [closedOn, setClosedOn] = useState(today());
  const [closingReason, setClosingReason] = useState<ClosingReason>('GOALS_REACHED');

  const after = (ok: boolean, message: string) => {
    // A failure's message box replaces the last success: never both at once.
    setDone('');
    if (!ok) return;
    setDone(message);
    onChanged();
  };

  if (closed)
    return (
      <section aria-labelledby="casework">
        <h2 id="casework">Fallarbeit</h2>
        {done && <Success>{done}</Success>}
        <p>Der Fall ist abgeschlossen: Ziele, Notizen und Verweisungen werden nicht mehr erfasst.</p>
      </section>
    );
  return (
    <section aria-labelledby="casework">
      <h2 id="casework">Fallarbeit</h2>
      {done && <Success>{done}</Success>}
      <ErrorBox error={note.error ?? referral.error ?? goal.error ?? goalChange.error ?? closing.error} />
      <div className="forms">
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await addGoal({ clientId, input: { title: goalTitle, ...(goalDue ? { dueDate: goalDue } : {}) } });
            after(!r.error, 'Ziel angelegt.');
          }}
        >
          <h3>Ziel anlegen</h3>
          <label htmlFor="goal-title">Ziel</label>
          <input id="goal-title" required value={goalTitle} onChange={(e) => setGoalTitle(e.target.value)} />
          <label htmlFor="goal-due">Fällig am</label>
          <input id="goal-due" type="date" value={goalDue} onChange={(e) => setGoalDue(e.target.value)} />
          <button type="submit">Ziel anlegen</button>
        </form>
        {chosenGoal && (
          <form
            onSubmit={async (e) => {
              e.preventDefault();
              const status = goalStatus || (chosenGoal.status as GoalStatus);
              const r = await setGoalStatus({ id: chosenGoal.id, status, dueDate: goalNewDue || null });
              after(!r.error, `Ziel „${chosenGoal.title}“: ${label(GOAL_STATUS_DE, status)}${goalNewDue ? `, fällig am ${formatDate(goalNewDue)}` : ''}.`);
              if (!r.error) setGoalNewDue('');
            }}
          >
            <h3>Ziel fortschreiben</h3>
            <label htmlFor="goal-which">Welches Ziel</label>
            <select
              id="goal-which"
              value={chosenGoal.id}
              onChange={(e) => {
                setGoalId(e.target.value);
                setGoalStatusValue('');
              }}
            >
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title} ({label(GOAL_STATUS_DE, g.status)})
                </option>
              ))}
            </select>
            <label htmlFor="goal-status">Neuer Status</label>
            <select id="goal-status" value={goalStatus || chosenGoal.status} onChange={(e) => setGoalStatusValue(e.target.value as GoalStatus)}>
              {GOAL_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {GOAL_STATUS_DE[st]}
                </option>
              ))}
            </select>
            <label htmlFor="goal-new-due">Neues Fälligkeitsdatum (optional)</label>
            <input id="goal-new-due" type="date" value={goalNewDue} onChange={(e) => setGoalNewDue(e.target.value)} />
            <button type="submit">Ziel speichern</button>
          </form>
        )}
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await addNote({ clientId, category: noteCategory, text: noteText });
            after(!r.error, 'Notiz gespeichert.');
            if (!r.error) setNoteText('');
          }}
        >
          <h3>Notiz</h3>
          <label htmlFor="note-category">Art</label>
          <select id="note-category" value={noteCategory} onChange={(e) => setNoteCategory(e.target.value as NoteCategory)}>
            <option value="CASE_NOTES">Fallnotiz</option>
            <option value="HEALTH">Gesundheit (besonders geschützt)</option>
          </select>
          <label htmlFor="note-text">Text</label>
          <textarea id="note-text" required value={noteText} onChange={(e) => setNoteText(e.target.value)} />
          <button type="submit">Notiz speichern</button>
        </form>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await sendReferral({ clientId, toAgency, reason, note: referralNote || null });
            after(!r.error, `Verweisung an ${agencyName(toAgency)} gesendet.`);
          }}
        >
          <h3>Verweisung</h3>
          <label htmlFor="ref-agency">An</label>
          <AgencySelect id="ref-agency" agencies={PARTNER_AGENCIES} value={toAgency} onChange={setToAgency} />
          <label htmlFor="ref-reason">Anlass</label>
          <select id="ref-reason" value={reason} onChange={(e) => setReason(e.target.value as ReferralReason)}>
            {Object.entries(REFERRAL_REASON_DE).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
          <label htmlFor="ref-note">Hinweis für die Stelle (optional)</label>
          <input id="ref-note" value={referralNote} onChange={(e) => setReferralNote(e.target.value)} />
          <button type="submit">Verweisung senden</button>
        </form>
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await closeCase({ id: clientId, closedOn, reason: closingReason });
            after(!r.error, 'Fall abgeschlossen.');
          }}
        >
          <h3>Fall abschließen</h3>
          <label htmlFor="close-on">Abgeschlossen am</label>
          <input id="close-on" type="date" required value={closedOn} onChange={(e) => setClosedOn(e.target.value)} />
          <label htmlFor="close-reason">Grund</label>
          <select id="close-reason" value={closingReason} onChange={(e) => setClosingReason(e.target.value as ClosingReason)}>
            {Object.entries(CLOSING_REASON_DE).map(([k, v]) => (
              <option key={k} value={k}>
                {v}
              </option>
            ))}
          </select>
          <button type="submit">Fall abschließen</button>
        </form>
      </div>
    </section>
  );
}
