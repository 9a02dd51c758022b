import { useEffect, useState } from 'react';

/**
 * The console routes in the URL's fragment (`#/klienten/K-000001`): the gateway serves one page,
 * and a client id in the fragment never reaches a server log.
 */
export function useRoute(): string[] {
  const read = () => window.location.hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const [parts, setParts] = useState(read);
  useEffect(() => {
    const onChange = () => setParts(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return parts;
}

export function href(...parts: string[]): string {
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export function go(...parts: string[]): void {
  window.location.hash = href(...parts);
}

/** Set by a route change, taken by the next page that renders its main landmark (ui.tsx `Main`). */
let routeChanged = false;
if (typeof window !== 'undefined') window.addEventListener('hashchange', () => (routeChanged = true));

/** Whether the route changed since the last page took the focus (and now it is taken). */
export function takeRouteFocus(): boolean {
  const changed = routeChanged;
  routeChanged = false;
  return changed;
}
