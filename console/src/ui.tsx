import type { CombinedError } from '@urql/core';
import { useEffect, useRef } from 'react';
import { errorMessage } from './denial.ts';
import { agencyName } from './labels.ts';
import { takeRouteFocus } from './route.ts';

/**
 * A page's main landmark with its one h1. After a route change focus moves here, so that a
 * screen reader starts reading the new page and Tab continues in it (not on the first page
 * load: there the skip link comes first).
 */
export function Main({ title, children }: { title: string; children: React.ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = `${title} – KIM Hub`;
  }, [title]);
  // After every render: the route may change while the same page stays (another client).
  useEffect(() => {
    if (ref.current && takeRouteFocus()) ref.current.focus();
  });
  return (
    <main id="inhalt" tabIndex={-1} ref={ref}>
      <h1>{title}</h1>
      {children}
    </main>
  );
}

/** A failed request, in German; the page stays usable. */
export function ErrorBox({ error }: { error: CombinedError | undefined }) {
  if (!error) return null;
  return (
    <div className="error" role="alert">
      <p>{errorMessage(error)}</p>
    </div>
  );
}

export function Success({ children }: { children: React.ReactNode }) {
  return (
    <div className="success" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  return <p role="status">Wird geladen …</p>;
}

/** A labelled choice of agencies, by their German names; `empty` adds a first "none" option. */
export function AgencySelect<A extends string>({ id, agencies, value, onChange, empty, required }: { id: string; agencies: readonly A[]; value: A | ''; onChange: (value: A) => void; empty?: string; required?: boolean }) {
  return (
    <select id={id} value={value} required={required} onChange={(e) => onChange(e.target.value as A)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {agencies.map((a) => (
        <option key={a} value={a}>
          {agencyName(a)}
        </option>
      ))}
    </select>
  );
}

/** A fieldset of checkboxes, each with its own label. */
export function Checkboxes<V extends string>({ legend, idPrefix, options, labels, chosen, onChange }: { legend: string; idPrefix: string; options: readonly V[]; labels: Record<V, string>; chosen: readonly V[]; onChange: (chosen: V[]) => void }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {options.map((o) => (
        <div className="choice" key={o}>
          <input type="checkbox" id={`${idPrefix}-${o}`} checked={chosen.includes(o)} onChange={() => onChange(chosen.includes(o) ? chosen.filter((c) => c !== o) : [...chosen, o])} />
          <label htmlFor={`${idPrefix}-${o}`}>{labels[o]}</label>
        </div>
      ))}
    </fieldset>
  );
}

/**
 * A wide table in its own horizontal scroll area, so the page reflows at 320 CSS pixels (WCAG
 * 1.4.10) while the table keeps its columns; the area is focusable and named, so keyboard users
 * can scroll it too.
 */
export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
