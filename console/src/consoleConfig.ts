import { useEffect, useState } from 'react';

/** The controller (Art. 4 (7) GDPR) as the gateway names it in /console-config.json. */
export interface Controller {
  readonly name: string;
  readonly address: readonly string[];
  readonly dpo: readonly string[];
}

let controller: Promise<Controller | null> | undefined;

/** The controller of the gateway's configuration, asked once per page; null when none is configured. */
function loadController(): Promise<Controller | null> {
  controller ??= fetch('/console-config.json')
    .then(async (res) => (res.ok ? (((await res.json()) as { controller?: Controller | null }).controller ?? null) : null))
    .catch(() => {
      controller = undefined;
      return null;
    });
  return controller;
}

/** `undefined` while it loads. */
export function useController(): Controller | null | undefined {
  const [value, setValue] = useState<Controller | null | undefined>(undefined);
  useEffect(() => {
    let current = true;
    void loadController().then((c) => current && setValue(c));
    return () => {
      current = false;
    };
  }, []);
  return value;
}
