import { CATEGORY_SOURCE, SERVICES, serviceSdl, type DataCategory, type Role, type ServiceName } from '@kim/schema';
import { serviceSdlFile } from '@kim/dev-tools/serviceSdlFile';
import { taggedFields } from '@kim/service-kit';
import { buildASTSchema, isObjectType, parse } from 'graphql';

/** One consent question a field raises: a category, as held by a service. */
export interface CategoryQuestion {
  readonly category: DataCategory;
  readonly service: ServiceName;
}

/**
 * What reading a field requires, as the services' SDLs declare it: every listed category (a
 * derived field's inputs as held at their source), or one of the listed roles.
 */
export type FieldRule =
  | { kind: 'category'; questions: readonly CategoryQuestion[]; onRequest?: true }
  | { kind: 'restricted'; roles: readonly Role[] };

/** A field that answers a request in the individual case takes its reason and file reference as arguments. */
export const REQUEST_ARGUMENTS = ['reason', 'fileReference'] as const;

/** Rules keyed by `Type.field`. */
export type FieldRules = ReadonlyMap<string, FieldRule>;

/**
 * Reads every `@category` and `@restricted` tag of every service's SDL. A field tagged in two
 * services would leave the oracle guessing which one answers: that is refused here.
 */
export function readFieldRules(): FieldRules {
  const rules = new Map<string, FieldRule & { service: ServiceName }>();
  for (const service of SERVICES) {
    // Only the tags matter here, not federation's directives: no validation of the SDL.
    const schema = buildASTSchema(parse(serviceSdl(serviceSdlFile(service))), { assumeValidSDL: true });
    for (const { type, field, tag } of taggedFields(schema)) {
      if (tag.kind !== 'category' && tag.kind !== 'restricted') continue;
      const owner = schema.getType(type);
      const args = isObjectType(owner) ? (owner.getFields()[field]?.args ?? []) : [];
      const onRequest = REQUEST_ARGUMENTS.every((name) => args.some((a) => a.name === name));
      const key = `${type}.${field}`;
      const earlier = rules.get(key);
      if (earlier) throw new Error(`${key} is tagged in both ${earlier.service} and ${service}`);
      rules.set(
        key,
        tag.kind === 'category'
          ? {
              kind: 'category',
              service,
              questions: [{ category: tag.category, service }, ...tag.inputs.map((input) => ({ category: input, service: CATEGORY_SOURCE[input] }))],
              ...(onRequest ? { onRequest: true as const } : {}),
            }
          : { kind: 'restricted', service, roles: tag.roles },
      );
    }
  }
  return rules;
}
