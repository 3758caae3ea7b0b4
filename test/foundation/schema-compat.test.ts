/**
 * The public contract only grows: against the schema as it was before the contract work
 * (schema-baseline.graphql), graphql-js may find additions and deprecations, plus the changes listed in
 * WIRE_COMPATIBLE below, each of which sends and accepts the same JSON as before (README "The GraphQL
 * contract"). Anything else a client could break on fails here, named.
 */
import { readFile } from 'node:fs/promises';
import { buildSchema, findBreakingChanges, findDangerousChanges, DangerousChangeType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../src/graphql/schema.js';

/**
 * Changes graphql-js calls breaking or dangerous that clients cannot see on the wire, each with why:
 * - an output String that became an enum serialises the same strings (enum value names are those strings);
 * - an output count that became Int instead of Float is the same JSON number;
 * - an input object's field that became ID instead of String accepts the same JSON strings (inputs
 *   are sent as variables of the input type; ID also accepts a number).
 */
const WIRE_COMPATIBLE: readonly string[] = [
  // Output strings of closed sets, now enums whose value names are exactly the strings sent before.
  'FIELD_CHANGED_KIND: SyncIssue.code changed type from String! to SyncIssueCode!.',
  'FIELD_CHANGED_KIND: RecordSync.issueCode changed type from String to SyncIssueCode.',
  'FIELD_CHANGED_KIND: QuickBooksConnection.reason changed type from String to QuickBooksConnectionReason.',
  'FIELD_CHANGED_KIND: QuickBooksConnection.environment changed type from String to QuickBooksEnvironment.',
  'FIELD_CHANGED_KIND: QuickBooksChange.entity changed type from String! to QuickBooksChangeEntity!.',
  'FIELD_CHANGED_KIND: CustomerImportMatch.reason changed type from String to CustomerMatchReason.',
  // Counts: the same JSON numbers (they were always whole).
  'FIELD_CHANGED_KIND: CustomerImportSummary.linked changed type from Float! to Int!.',
  'FIELD_CHANGED_KIND: CustomerImportSummary.created changed type from Float! to Int!.',
  'FIELD_CHANGED_KIND: CustomerImportSummary.ambiguous changed type from Float! to Int!.',
  // Account ids inside input objects: ID accepts every string String did.
  'FIELD_CHANGED_KIND: PurchaseLineInput.accountId changed type from String to ID.',
  'FIELD_CHANGED_KIND: UpsertExpenseInput.paidFromAccountId changed type from String to ID.',
  'FIELD_CHANGED_KIND: UpsertSupplierInput.defaultExpenseAccountId changed type from String to ID.',
];

/** Dangerous changes that are only additions (a new enum value, a new optional argument or input field). */
const ADDITIONS = new Set<string>([DangerousChangeType.VALUE_ADDED_TO_ENUM, DangerousChangeType.OPTIONAL_ARG_ADDED, DangerousChangeType.OPTIONAL_INPUT_FIELD_ADDED, DangerousChangeType.TYPE_ADDED_TO_UNION, DangerousChangeType.IMPLEMENTED_INTERFACE_ADDED]);

let baseline: GraphQLSchema;
let current: GraphQLSchema;

beforeAll(async () => {
  baseline = buildSchema(await readFile(new URL('./schema-baseline.graphql', import.meta.url), 'utf8'));
  current = await buildAppSchema();
});

function unexpectedChanges(from: GraphQLSchema, to: GraphQLSchema): string[] {
  const breaking = findBreakingChanges(from, to).map((c) => `${c.type}: ${c.description}`);
  const dangerous = findDangerousChanges(from, to)
    .filter((c) => !ADDITIONS.has(c.type))
    .map((c) => `${c.type}: ${c.description}`);
  return [...breaking, ...dangerous].filter((c) => !WIRE_COMPATIBLE.includes(c));
}

describe('the GraphQL contract against its baseline', () => {
  it('only adds, deprecates, or makes the listed wire-compatible changes', () => {
    expect(unexpectedChanges(baseline, current)).toEqual([]);
  });

  it('lists no wire-compatible change that does not happen (the list stays exact)', () => {
    const found = new Set([...findBreakingChanges(baseline, current), ...findDangerousChanges(baseline, current)].map((c) => `${c.type}: ${c.description}`));
    expect(WIRE_COMPATIBLE.filter((c) => !found.has(c))).toEqual([]);
  });

  it('catches a removed field or a narrowed argument (the check is not vacuous)', async () => {
    const printed = await readFile(new URL('./schema-baseline.graphql', import.meta.url), 'utf8');
    const broken = buildSchema(printed.replace('  fixHint: String!\n', '').replace('cancelSyncRun(id: ID!)', 'cancelSyncRun(id: ID!, reason: String!)'));
    expect(unexpectedChanges(baseline, broken).sort()).toEqual(['FIELD_REMOVED: SyncIssue.fixHint was removed.', 'REQUIRED_ARG_ADDED: A required arg reason on Mutation.cancelSyncRun was added.']);
  });
});
