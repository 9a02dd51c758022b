import { WELFARE_ASSOCIATIONS, organisationOf, type WelfareAssociation } from '@kim/schema';
import type { Caller, ConsentLoader } from '@kim/service-kit';

/**
 * Whose records a caller may be shown at all, before consent: professional secrecy between the
 * welfare associations. A counsellor of one association sees only that association's records; a
 * caller from another organisation (a KIM case manager, say) may be shown every association's
 * records, each field then behind consent.
 */
export type AssociationScope = { kind: 'own'; association: WelfareAssociation } | { kind: 'all' } | { kind: 'none' };

function isWelfareAssociation(agency: string): agency is WelfareAssociation {
  return (WELFARE_ASSOCIATIONS as readonly string[]).includes(agency);
}

export function associationScope(caller: Caller): AssociationScope {
  if (organisationOf(caller.agency) !== 'WELFARE') return { kind: 'all' };
  // INTENTIONAL: a welfare agency that holds no records of its own here (should the vocabulary
  // ever add one) sees none, rather than everyone's.
  return isWelfareAssociation(caller.agency) ? { kind: 'own', association: caller.agency } : { kind: 'none' };
}

/** The Prisma condition that keeps a query of association-held records inside the scope. */
export function associationWhere(scope: AssociationScope): { association?: string | { in: string[] } } {
  switch (scope.kind) {
    case 'own':
      return { association: scope.association };
    case 'none':
      return { association: { in: [] } };
    case 'all':
      return {};
  }
}

/**
 * The rows of a category held under professional secrecy that the caller may be shown. A
 * counsellor's query already kept their own association's; anyone else sees only the rows of the
 * associations that released them in the grants the field's decision rested on (the loader's
 * cached decision: no second question). No association named, none released.
 */
export async function releasedRows<T extends { readonly association: string }>(
  scope: AssociationScope,
  consent: ConsentLoader,
  clientId: string,
  category: 'COUNSELLING' | 'HEALTH',
  rows: readonly T[],
): Promise<readonly T[]> {
  if (scope.kind !== 'all' || rows.length === 0) return rows;
  const decision = await consent.load({ clientId, category });
  const released = new Set(decision.allowed ? (decision.releasedBy ?? []) : []);
  return rows.filter((r) => released.has(r.association));
}
