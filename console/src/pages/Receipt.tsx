import { useMemo } from 'react';
import { useQuery } from 'urql';
import { useBlobUrl } from '../blobUrls.ts';
import { graphql } from '../gql/index.ts';
import { ErrorBox, Loading, Main } from '../ui.tsx';

const ReceiptQuery = graphql(`
  query ConsoleConsentReceipt($grantId: ID!) {
    consentReceipt(grantId: $grantId) {
      grantId
      fileName
      mediaType
      html
    }
  }
`);

/**
 * The receipt's body, without anything active: the console's CSP would block its inline styles
 * and scripts anyway; the download keeps the document as the consent service wrote it. Parsed in
 * a template, whose content is inert: its style block is never applied (a DOMParser document
 * applies it, and the CSP reported a violation for each receipt shown).
 */
function inertBody(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  const root = template.content;
  root.querySelectorAll('script, style, link, meta, base, iframe, object, embed, form, title').forEach((n) => n.remove());
  root.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) if (/^on/i.test(attr.name) || attr.name === 'style') el.removeAttribute(attr.name);
  });
  root.querySelectorAll('h1').forEach((h) => {
    const h2 = document.createElement('h2');
    h2.append(...h.childNodes);
    h.replaceWith(h2);
  });
  return template.innerHTML;
}

export function Receipt({ grantId }: { grantId: string }) {
  const [result] = useQuery({ query: ReceiptQuery, variables: { grantId } });
  const receipt = result.data?.consentReceipt;
  const body = useMemo(() => (receipt ? inertBody(receipt.html) : ''), [receipt]);
  const download = useBlobUrl(receipt?.html, receipt?.mediaType ?? 'text/html');
  return (
    <Main title={`Quittung zur Einwilligung ${grantId}`}>
      <p className="no-print">
        <button type="button" onClick={() => window.print()}>
          Drucken
        </button>{' '}
        {receipt && download && (
          <a className="button" href={download} download={receipt.fileName}>
            Herunterladen ({receipt.fileName})
          </a>
        )}
      </p>
      {result.fetching && <Loading />}
      <ErrorBox error={result.error} />
      {result.data && !receipt && <p role="alert">Keine Quittung mit dieser Nummer – oder für Sie nicht sichtbar.</p>}
      {/* The consent service's own German document, made inert above. */}
      {receipt && <article className="receipt" dangerouslySetInnerHTML={{ __html: body }} />}
    </Main>
  );
}
