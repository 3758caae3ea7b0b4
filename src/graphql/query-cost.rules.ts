/**
 * The query cost model: roughly how many values an operation makes the gateway produce, computed
 * before anything runs and refused above QUERY_COST_LIMIT. It replaces graphql-armor's cost rule,
 * which (a) multiplied by `first` only when it was written as a literal, so `invoices(first: $n)`
 * cost the same as one row whatever `$n` was, and (b) grew by half at every level of nesting, so the
 * ordinary `edges { node { ... } }` shape of a page of 100 invoices with their sync fields cost twice
 * the limit and frontends had to page by about 40.
 *
 * The model (README "Query cost"):
 * - every selected field costs 1, objects and `__typename` included; introspection (`__schema`,
 *   `__type`) is free (production refuses it anyway);
 * - a connection (a field taking `first`) multiplies the cost of its `edges` by the page size asked
 *   for: `first` as written or as sent in the variables, DEFAULT_PAGE_SIZE when absent;
 * - any other list of objects (invoice lines, payment allocations, ...) multiplies its selection by
 *   LIST_SIZE_ESTIMATE; a list of scalars or enum values costs 1;
 * - fragments count wherever they are spread, as if written out there.
 * Because the cost needs the variables' values, it is checked after validation, with the variables,
 * by both doors (an Apollo plugin over HTTP, checkOperation over WebSocket), through queryCostError.
 */
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  type GraphQLField,
  GraphQLList,
  type GraphQLNamedType,
  GraphQLObjectType,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from './pagination.js';

/** The most an operation may cost: a page of 100 invoices with lines, customer and sync fields costs about 12,300. */
export const QUERY_COST_LIMIT = 20_000;
/** What a list without `first` (invoice lines, allocations, tax codes, ...) is assumed to hold. */
export const LIST_SIZE_ESTIMATE = 10;

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/** The cost of the operation that would run (by operationName, or the only one), or null when there is none to pick. */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Variables): number | null {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) return null; // graphql-js answers that case itself ("Must provide operation name ...")
  const root = schema.getRootType(operation.operation);
  if (!root) return null;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // A variable not sent takes its declared default, as execution will.
  const values: Record<string, unknown> = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue?.kind === Kind.INT) values[name] = Number(definition.defaultValue.value);
  }
  return selectionCost({ schema, fragments, variables: values }, operation.selectionSet, root, undefined, new Set());
}

/** The error to answer with when the operation costs more than the limit (a validation error, HTTP 400). */
export function queryCostError(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null, variables?: Variables): GraphQLError | undefined {
  const cost = queryCost(schema, document, operationName, variables);
  if (cost === null || cost <= QUERY_COST_LIMIT) return undefined;
  const shown = Math.ceil(cost).toLocaleString('en-US');
  return new GraphQLError(
    `Query cost limit of ${QUERY_COST_LIMIT.toLocaleString('en-US')} exceeded: this operation costs ${shown}. Ask for smaller pages (first), fewer fields, or split it into several operations.`,
    { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', cost: Math.ceil(cost), maxCost: QUERY_COST_LIMIT, http: { status: 400 } } },
  );
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Readonly<Record<string, unknown>>;
}

/**
 * `pageSize` is set for the selection of a connection: its list field (`edges`) holds that many rows.
 * `spreading` guards against fragment cycles (validation refuses them; this never loops regardless).
 */
function selectionCost(walk: Walk, set: SelectionSetNode, parent: GraphQLNamedType, pageSize: number | undefined, spreading: Set<string>): number {
  let cost = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || spreading.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value) ?? parent;
      cost += selectionCost(walk, fragment.selectionSet, type, pageSize, new Set([...spreading, name]));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? (walk.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
      cost += selectionCost(walk, selection.selectionSet, type, pageSize, spreading);
    } else {
      const name = selection.name.value;
      if (name === '__schema' || name === '__type') continue;
      cost += 1;
      const field = isObjectType(parent) ? parent.getFields()[name] : undefined;
      if (!field || !selection.selectionSet) continue;
      const type = getNamedType(field.type);
      const rows = isList(field) ? (pageSize ?? LIST_SIZE_ESTIMATE) : 1;
      const page = takesFirst(field) ? requestedPageSize(selection.arguments?.find((a) => a.name.value === 'first')?.value, walk.variables) : undefined;
      cost += rows * selectionCost(walk, selection.selectionSet, type, page, spreading);
    }
  }
  return cost;
}

function isList(field: GraphQLField<unknown, unknown>): boolean {
  return getNullableType(field.type) instanceof GraphQLList;
}

function takesFirst(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => a.name === 'first') && getNullableType(field.type) instanceof GraphQLObjectType;
}

/** `first` as written, or as sent in the variables; the default page size when absent or not a count (the resolver refuses those). */
function requestedPageSize(value: ValueNode | undefined, variables: Readonly<Record<string, unknown>>): number {
  let first: unknown = undefined;
  if (value?.kind === Kind.INT) first = Number(value.value);
  else if (value?.kind === Kind.VARIABLE) first = variables[value.name.value];
  return typeof first === 'number' && Number.isInteger(first) && first > 0 ? first : DEFAULT_PAGE_SIZE;
}
