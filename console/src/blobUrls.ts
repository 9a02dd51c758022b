import { useEffect, useState } from 'react';

// Object URLs hold their content (a receipt, an audit export, a CSV) for as long as the document
// lives, whoever holds the URL. Every one the console makes is registered here: revoked when the
// component that offered it goes or its content changes, and all of them on sign-out.

const live = new Set<string>();

export function createBlobUrl(parts: readonly BlobPart[], type: string): string {
  const url = URL.createObjectURL(new Blob([...parts], { type }));
  live.add(url);
  return url;
}

export function revokeBlobUrl(url: string): void {
  if (live.delete(url)) URL.revokeObjectURL(url);
}

/** Sign-out: nothing the console offered for download stays reachable. */
export function revokeAllBlobUrls(): void {
  for (const url of live) URL.revokeObjectURL(url);
  live.clear();
}

/** An object URL of `content` while the component shows it ('' without content). */
export function useBlobUrl(content: string | null | undefined, type: string, prefix = ''): string {
  const [url, setUrl] = useState('');
  useEffect(() => {
    if (content === null || content === undefined) {
      setUrl('');
      return undefined;
    }
    const made = createBlobUrl(prefix ? [prefix, content] : [content], type);
    setUrl(made);
    return () => revokeBlobUrl(made);
  }, [content, type, prefix]);
  return url;
}
