/**
 * Import rules for src/, checked by dependency-cruiser on every `npm run lint` (so `npm test` and CI):
 * `npm run lint:imports` alone takes a few seconds and needs no network. Each rule says which way
 * imports may point; test files (`*.test.ts`) are left out, they may import anything.
 *
 * KNOWN-EXCEPTIONS lists only shrink: the work of issue #15 removes these imports, and whoever does
 * removes the file here (test/foundation/import-rules.test.ts fails on an entry that no longer
 * breaks its rule, so the lists cannot go stale).
 */

/** Where GraphQL lives: the API edge (schema, context, errors mapping, transports) and the GraphQL files of each slice. */
const API_EDGE = ['^src/graphql/', '^src/http/', '\\.resolver\\.ts$', '\\.type\\.ts$', '\\.scalar\\.ts$', '\\.input\\.ts$'];

/** GraphQL and its servers: graphql-js, type-graphql, Apollo and the other transport packages. */
const GRAPHQL_PACKAGES = '^node_modules/(graphql|type-graphql|graphql-ws|graphql-scalars|@apollo/[^/]+|@as-integrations/[^/]+|@escape\\.tech/graphql-armor)/';

/** The engine: run queue, outbox, mappings, issues, pulls, webhooks, chart, connection, settings, ledger. */
const ENGINE = '^src/(sync|pull|webhooks|accounts|connection|settings|ledger)/';

// KNOWN-EXCEPTIONS of `graphql-only-at-the-edge`: none left. Only shrinks.
const GRAPHQL_KNOWN_EXCEPTIONS = [];

// KNOWN-EXCEPTIONS of `engine-not-provider`: today's importers of src/providers/quickbooks/ in the engine.
// Only shrinks; the port work removes these.
const ENGINE_PROVIDER_KNOWN_EXCEPTIONS = [
  '^src/connection/connection\\.service\\.ts$',
  '^src/connection/connection\\.types\\.ts$',
  '^src/pull/created-records\\.service\\.ts$',
  '^src/pull/customer-import\\.service\\.ts$',
  '^src/pull/inbound-apply\\.service\\.ts$',
  '^src/sync/match-label\\.util\\.ts$',
  '^src/sync/outbox\\.service\\.ts$',
  '^src/sync/push\\.service\\.ts$',
  '^src/sync/push/engine-push\\.context\\.ts$',
  '^src/sync/push/push-session\\.types\\.ts$',
  '^src/sync/push/push\\.context\\.ts$',
  '^src/sync/push/record-pusher\\.registry\\.ts$',
  '^src/sync/remote-change\\.problems\\.ts$',
  '^src/sync/sync-item\\.service\\.ts$',
  '^src/sync/sync\\.errors\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import circles in src/ (type-only imports count too): point the import one way, e.g. move the shared type into a file of its own.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'graphql-only-at-the-edge',
      severity: 'error',
      comment:
        'Services, rules and stores throw the errors of src/errors/ and know nothing of GraphQL: only src/graphql/, src/http/ and ' +
        '*.resolver.ts, *.type.ts, *.scalar.ts, *.input.ts import graphql, type-graphql, Apollo or src/graphql/.',
      from: { path: '^src/', pathNot: [...API_EDGE, ...GRAPHQL_KNOWN_EXCEPTIONS] },
      to: { path: [GRAPHQL_PACKAGES, '^src/graphql/'] },
    },
    {
      name: 'database-only-in-persistence',
      severity: 'error',
      comment: 'Only src/persistence/ talks to the database (also checked by test/foundation/persistence-boundary.test.ts).',
      from: { path: '^src/', pathNot: '^src/persistence/' },
      to: { path: '^node_modules/(mongoose|mongodb|bson)/' },
    },
    {
      name: 'no-simulator-in-production',
      severity: 'error',
      comment: "Production code never imports the QuickBooks simulator; src/app.ts only starts it (a dynamic import) when no Intuit credentials are set.",
      from: { path: '^src/', pathNot: ['^src/sandbox/', '^src/app\\.ts$'] },
      to: { path: '^src/sandbox/' },
    },
    {
      name: 'money-through-one-module',
      severity: 'error',
      comment:
        'Money arithmetic goes through src/money/money.ts (one Decimal configuration, half-up to cents); importing the Decimal type ' +
        'alone is fine. The simulator (src/sandbox/) is a separate program and keeps its own.',
      from: { path: '^src/', pathNot: ['^src/money/', '^src/sandbox/'] },
      to: { path: '^node_modules/decimal\\.js/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'shared-modules-stay-neutral',
      severity: 'error',
      comment: 'src/errors/, src/money/ and src/paging/ are used by every slice, so they import none.',
      from: { path: '^src/(errors|money|paging)/' },
      to: { path: '^src/', pathNot: ['^src/(errors|money|paging)/', '^src/persistence/query-filters\\.ts$'] },
    },
    {
      name: 'events-name-only-event-files',
      severity: 'error',
      comment: "src/events/ knows each slice's events from its *.event.ts file alone (a file that imports no service), so publishers can import it.",
      from: { path: '^src/events/' },
      to: { path: '^src/', pathNot: ['^src/events/', '\\.event\\.ts$'] },
    },
    {
      name: 'engine-not-provider',
      severity: 'error',
      comment: 'The engine speaks provider-neutral terms: it does not import src/providers/quickbooks/ (go through the provider port).',
      from: { path: ENGINE, pathNot: ENGINE_PROVIDER_KNOWN_EXCEPTIONS },
      to: { path: '^src/providers/quickbooks/' },
    },
  ],
  options: {
    // Type-only imports are dependencies too: a circle of types is still a circle in the design.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    moduleSystems: ['es6', 'cjs'],
    skipAnalysisNotInRules: true,
  },
};
