import type { CombinedError } from '@urql/core';
import { useEffect, useRef } from 'react';
import { errorMessage } from './denial.ts';

/** A page's main landmark with its one h1; focus moves there when the page opens. */
export function Main({ title, children }: { title: string; children: React.ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    document.title = `${title} – KIM Hub`;
  }, [title]);
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
