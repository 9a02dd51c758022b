import { isDataCategory, isRole, type DataCategory, type Role } from '@kim/schema';
import { Kind, isObjectType, type ConstDirectiveNode, type GraphQLField, type GraphQLSchema } from 'graphql';

/** What the SDL says about one field: the categories it discloses, or the roles it is for. */
export type FieldTag =
  | { kind: 'category'; category: DataCategory; inputs: readonly DataCategory[] }
  | { kind: 'restricted'; roles: readonly Role[] }
  | { kind: 'external' }
  | { kind: 'none' };

function argument(directive: ConstDirectiveNode, name: string) {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function enumValues(value: ReturnType<typeof argument>): string[] {
  if (!value) return [];
  if (value.kind === Kind.ENUM) return [value.value];
  if (value.kind === Kind.LIST) return value.values.flatMap((v) => (v.kind === Kind.ENUM ? [v.value] : []));
  return [];
}

/** Reads `@category` / `@restricted` from a field's SDL definition. */
export function fieldTag(field: GraphQLField<unknown, unknown>): FieldTag {
  const directives = field.astNode?.directives ?? [];
  const categoryDirectives = directives.filter((d) => d.name.value === 'category');
  const restricted = directives.find((d) => d.name.value === 'restricted');
  if (categoryDirectives.length > 1) throw new Error(`${field.name}: more than one @category`);
  const [category] = categoryDirectives;
  if (category && restricted) throw new Error(`${field.name}: both @category and @restricted`);
  if (category) {
    const [name] = enumValues(argument(category, 'name'));
    const inputs = enumValues(argument(category, 'inputs'));
    if (!isDataCategory(name) || !inputs.every(isDataCategory)) throw new Error(`${field.name}: unknown data category`);
    return { kind: 'category', category: name, inputs: inputs.filter((c) => c !== name) };
  }
  if (restricted) {
    const roles = enumValues(argument(restricted, 'roles'));
    if (roles.length === 0 || !roles.every(isRole)) throw new Error(`${field.name}: @restricted needs known roles`);
    return { kind: 'restricted', roles };
  }
  if (directives.some((d) => d.name.value === 'external')) return { kind: 'external' };
  return { kind: 'none' };
}

/** Every field of every object type (introspection types aside), with its tag. */
export function taggedFields(schema: GraphQLSchema): { type: string; field: string; tag: FieldTag }[] {
  return Object.values(schema.getTypeMap())
    .filter((t) => isObjectType(t) && !t.name.startsWith('__'))
    .flatMap((type) =>
      isObjectType(type) ? Object.values(type.getFields()).map((f) => ({ type: type.name, field: f.name, tag: fieldTag(f) })) : [],
    );
}
