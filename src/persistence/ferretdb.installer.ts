/**
 * Installs the embedded MongoDB-compatible server, FerretDB 1.24 (SQLite backend), into a project-local
 * tools folder the first time, and reuses it afterwards.
 *
 * Why not a plain `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2`: FerretDB's version
 * package embeds `build/version/version.txt`, which the module zip does not contain, and a binary
 * built by `go install` panics at start-up ("Invalid build/version/version.txt"). So we fetch the very
 * same module through the Go module proxy (`go mod download`), write the version file FerretDB's
 * own build would generate, and `go build ./cmd/ferretdb` from that copy.
 *
 * One line of that copy is changed (`ID_LOOKUP_PATCH`): FerretDB 1.24 looks documents up by `_id` with
 * the SQLite expression `_ferretdb_sjson->'$._id'`, while its unique `_id` index is on
 * `_ferretdb_sjson->"_id"`. Both give the same value, but SQLite uses an expression index only for the
 * very expression it was built on, so every find, update and delete by `_id` scanned the whole table
 * and a sync slowed down as the database grew (2,000 invoices: 261 records a minute and falling). The
 * patched expression is the index's own.
 *
 * The second change (`WRITE_LOCK_PATCH`) makes every write atomic. FerretDB 1.x runs `update`,
 * `findAndModify` and `delete` as a read, a change made in Go, then a write, with nothing between the read
 * and the write: two updates of one document both read the old version and the later write silently undoes
 * the earlier one (a disconnect that set NOT_CONNECTED was undone by a concurrent "last successful call"
 * stamp), conditional updates (`{tokenVersion: 3}`) can both succeed, and `$inc` loses counts. MongoDB makes
 * each single-document write atomic; the patch gets the same by letting one write at a time run per
 * collection, inside the one FerretDB process every gateway process shares. SQLite already takes one writer
 * at a time, so little throughput is lost; reads are not locked.
 *
 * The third change (`TENANT_PUSHDOWN_PATCH`) lets SQLite use the tenant indexes. FerretDB 1.24 on SQLite
 * hands SQLite a WHERE clause only for a filter that is exactly `{_id: value}`; every other filter read the
 * whole collection and was matched in Go, so one tenant's list read every tenant's documents (14.6 s at
 * 200,000 documents). The patched query narrows by `_id` when the filter names one (or a list of them with `$in`), else by `tenantId`
 * (every tenant-scoped query names it, and our collections index it first), with the index's own
 * expression, so SQLite answers from the index. FerretDB still matches the whole filter in Go afterwards,
 * so narrowing can only drop documents that could not match: `tenantId` is never an array in our data
 * (MongoDB would match an array holding the value; this narrowing would not), and `_id` never is.
 *
 * The fourth change (`EXACT_PUSHDOWN_PATCH`) answers list pages and their counts from an index. After the
 * narrowing, FerretDB still decoded every one of the tenant's documents in Go (about 0.3 ms each), sorted
 * them there, applied the limit, and did it all again for the count: 150 ms for one page of a tenant's 200
 * invoices. FerretDB's own indexes cannot serve a sort (they order a value's JSON text: "smith plumbing"
 * before "smith", numbers after strings), so every non-unique index of two or more ascending top-level keys
 * gets a sorted companion holding each key as (its type's rank in MongoDB's sort order, its value as SQL).
 * A find whose filter is equalities on a companion's first keys and whose sort is on its next keys is then
 * answered from it with SQL ORDER BY and LIMIT, and a countDocuments as SQL COUNT, only after an index-only
 * check finds no value the companion cannot order exactly (an array, which MongoDB matches by element, a
 * document, a double): any other shape keeps FerretDB's own path. A search (a regex on some fields) is
 * narrowed in SQLite by FerretDB's own regex on those fields' strings, reading only them. explain() says
 * which path a find takes (`queryPlanner.fieldbooksExact`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const FERRETDB_MODULE = 'github.com/FerretDB/FerretDB';
export const FERRETDB_VERSION = 'v1.24.2';
/** Our build of it (bump when the patch changes, so existing installs are rebuilt). */
export const FERRETDB_BUILD = `${FERRETDB_VERSION}-fieldbooks.6`;

/** FerretDB 1.24.2's go.mod says `go 1.24`: an older Go cannot build it (and cannot fetch a newer toolchain without the checksum database). */
export const GO_MINIMUM = [1, 24] as const;

/** The `_id` lookup expression, made identical to the `_id` index's expression (see above). */
export const ID_LOOKUP_PATCH = {
  file: 'internal/backends/sqlite/metadata/metadata.go',
  from: `IDColumn = DefaultColumn + "->'$._id'"`,
  to: 'IDColumn = DefaultColumn + `->"_id"`',
};

/** One write at a time per collection (see above): a lock file, and one line in each write handler. */
export const WRITE_LOCK_PATCH = {
  file: 'internal/handler/fieldbooks_writelock.go',
  source: `// Added by fieldbooks: FerretDB 1.x writes read a document, change it in Go and write it back with
// nothing in between, so concurrent writes of one document lose updates. One write at a time per
// collection makes each write atomic, as MongoDB's are.

package handler

import "sync"

var fieldbooksWriteLocks sync.Map

func fieldbooksLockCollection(db, collection string) func() {
\tlock, _ := fieldbooksWriteLocks.LoadOrStore(db+"."+collection, new(sync.Mutex))
\tmu := lock.(*sync.Mutex)
\tmu.Lock()
\treturn mu.Unlock
}
`,
  /** Each handler, the line after which the lock is taken (held until the command's answer is built). */
  handlers: [
    { file: 'internal/handler/msg_update.go', after: '\t_ = params.Ordered\n' },
    { file: 'internal/handler/msg_findandmodify.go', after: '\tvar resDoc *types.Document\n' },
    { file: 'internal/handler/msg_delete.go', after: '\tparams, err := common.GetDeleteParams(document, h.L)\n\tif err != nil {\n\t\treturn nil, lazyerrors.Error(err)\n\t}\n' },
  ],
  lock: '\n\tdefer fieldbooksLockCollection(params.DB, params.Collection)()\n',
} as const;

/** Narrow queries by `_id` or `tenantId` in SQLite (see above): a helper file, and the Query method's WHERE. */
export const TENANT_PUSHDOWN_PATCH = {
  file: 'internal/backends/sqlite/fieldbooks_pushdown.go',
  source: `// Added by fieldbooks: narrow a query in SQLite by _id, else by tenantId, with the expressions the
// indexes are built on, so SQLite answers from an index. The handler still applies the whole filter.

package sqlite

import (
\t"fmt"
\t"strings"

\t"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
\t"github.com/FerretDB/FerretDB/internal/handler/sjson"
\t"github.com/FerretDB/FerretDB/internal/types"
\t"github.com/FerretDB/FerretDB/internal/util/must"
)

func fieldbooksPushdown(filter *types.Document) (string, []any) {
\tif filter == nil {
\t\treturn "", nil
\t}
\tif v, err := filter.Get("_id"); err == nil {
\t\tswitch v := v.(type) {
\t\tcase string, types.ObjectID:
\t\t\treturn fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\tcase *types.Document:
\t\t\t// {_id: {$in: [ids]}}: loaders read a page's records by their ids.
\t\t\tif where, args := fieldbooksIDIn(v); where != "" {
\t\t\t\treturn where, args
\t\t\t}
\t\t}
\t}
\tif v, err := filter.Get("tenantId"); err == nil {
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
\t\t\treturn fmt.Sprintf(\` WHERE %s->"tenantId" = ?\`, metadata.DefaultColumn), []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
\treturn "", nil
}

func fieldbooksIDIn(cond *types.Document) (string, []any) {
\tif cond.Len() != 1 {
\t\treturn "", nil
\t}
\tin, err := cond.Get("$in")
\tif err != nil {
\t\treturn "", nil
\t}
\tarr, ok := in.(*types.Array)
\tif !ok || arr.Len() == 0 || arr.Len() > 1000 {
\t\treturn "", nil
\t}
\tplaceholders := make([]string, 0, arr.Len())
\targs := make([]any, 0, arr.Len())
\tfor i := 0; i < arr.Len(); i++ {
\t\te := must.NotFail(arr.Get(i))
\t\tswitch e.(type) {
\t\tcase string, types.ObjectID:
\t\t\tplaceholders = append(placeholders, "?")
\t\t\targs = append(args, string(must.NotFail(sjson.MarshalSingleValue(e))))
\t\tdefault:
\t\t\treturn "", nil
\t\t}
\t}
\treturn fmt.Sprintf(\` WHERE %s IN (%s)\`, metadata.IDColumn, strings.Join(placeholders, ", ")), args
}
`,
  target: 'internal/backends/sqlite/collection.go',
  /** The Query method's own `{_id}`-only narrowing (Explain has its own copy, left as it is). */
  from: `\tif params.Filter.Len() == 1 {
\t\tv, _ := params.Filter.Get("_id")
\t\tswitch v.(type) {
\t\tcase string, types.ObjectID:
\t\t\twhereClause = fmt.Sprintf(\` WHERE %s = ?\`, metadata.IDColumn)
\t\t\targs = []any{string(must.NotFail(sjson.MarshalSingleValue(v)))}
\t\t}
\t}
`,
  to: '\twhereClause, args = fieldbooksPushdown(params.Filter)\n',
} as const;

/** List pages and counts answered from sorted companion indexes where provably exact (see above): three files and anchored edits. */
export const EXACT_PUSHDOWN_PATCH = {
  handlerFile: 'internal/handler/fieldbooks_pushdown.go',
  handlerSource: `// Added by fieldbooks: ask the backend for a find's whole sort and limit, and for a countDocuments' number
// only; the backend honours them only where its answer is provably the handler's own.

package handler

import (
\t"context"
\t"math"

\t"github.com/FerretDB/FerretDB/internal/backends"
\t"github.com/FerretDB/FerretDB/internal/types"
\t"github.com/FerretDB/FerretDB/internal/util/iterator"
\t"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
\t"github.com/FerretDB/FerretDB/internal/util/must"
)

// fieldbooksWholeFilter reports whether the backend sees the whole filter (dotted keys are dropped from it
// unless nested pushdown is on): only then may it apply a limit or count.
func (h *Handler) fieldbooksWholeFilter(pushed, filter *types.Document) bool {
\treturn !h.DisablePushdown && pushed.Len() == filter.Len()
}

// fieldbooksCountPipeline recognises the drivers' countDocuments pipeline, [{$match}, {$group: {_id, n: {$sum: 1}}}],
// returning the group's _id and output field.
func fieldbooksCountPipeline(stages []any) (any, string, bool) {
\tif len(stages) != 2 {
\t\treturn nil, "", false
\t}
\tmatch, ok := stages[0].(*types.Document)
\tif !ok || match.Len() != 1 || !match.Has("$match") {
\t\treturn nil, "", false
\t}
\tgroup, ok := stages[1].(*types.Document)
\tif !ok || group.Len() != 1 || !group.Has("$group") {
\t\treturn nil, "", false
\t}
\tspec, ok := must.NotFail(group.Get("$group")).(*types.Document)
\tif !ok || spec.Len() != 2 || spec.Keys()[0] != "_id" {
\t\treturn nil, "", false
\t}
\tid := must.NotFail(spec.Get("_id"))
\tswitch id.(type) {
\tcase int32, int64, float64, string:
\tdefault:
\t\treturn nil, "", false
\t}
\tfield := spec.Keys()[1]
\tacc, ok := must.NotFail(spec.Get(field)).(*types.Document)
\tif !ok || acc.Len() != 1 || !acc.Has("$sum") {
\t\treturn nil, "", false
\t}
\tif one, ok := must.NotFail(acc.Get("$sum")).(int32); !ok || one != 1 {
\t\treturn nil, "", false
\t}
\treturn id, field, true
}

// fieldbooksProcessStages is processStagesDocuments, with a countDocuments answered by the backend's count
// when it can give one: the $group's own result, {_id, n} with n an int32 when it fits, none for no match.
func (h *Handler) fieldbooksProcessStages(ctx context.Context, closer *iterator.MultiCloser, p *stagesDocumentsParams, stages []any, filter *types.Document) (types.DocumentsIterator, error) { //nolint:lll // for readability
\tid, field, ok := fieldbooksCountPipeline(stages)
\tif !ok || !h.fieldbooksWholeFilter(p.qp.Filter, filter) {
\t\treturn processStagesDocuments(ctx, closer, p)
\t}
\tp.qp.FieldbooksCount = true

\tqueryRes, err := p.c.Query(ctx, p.qp)
\tif err != nil {
\t\tcloser.Close()
\t\treturn nil, lazyerrors.Error(err)
\t}
\tcloser.Add(queryRes.Iter)

\tif queryRes.FieldbooksCounted {
\t\tvar docs []*types.Document
\t\tif n := queryRes.FieldbooksCount; n > 0 {
\t\t\tvar v any = n
\t\t\tif n <= math.MaxInt32 {
\t\t\t\tv = int32(n)
\t\t\t}
\t\t\tdocs = append(docs, must.NotFail(types.NewDocument("_id", id, field, v)))
\t\t}
\t\tres := iterator.Values(iterator.ForSlice(docs))
\t\tcloser.Add(res)
\t\treturn res, nil
\t}

\titer := queryRes.Iter
\tfor _, s := range p.stages {
\t\tif iter, err = s.Process(ctx, iter, closer); err != nil {
\t\t\treturn nil, err
\t\t}
\t}
\treturn iter, nil
}

// fieldbooksFindHints passes a find's (or its explain's) sort and limit on; skip is not pushed.
func (h *Handler) fieldbooksFindHints(qp *backends.QueryParams, filter, sort *types.Document, limit, skip int64) {
\tif skip != 0 || !h.fieldbooksWholeFilter(qp.Filter, filter) {
\t\treturn
\t}
\tqp.FieldbooksSort = sort
\tqp.FieldbooksLimit = limit
}
`,
  backendFile: 'internal/backends/sqlite/fieldbooks_exact.go',
  backendSource: `// Added by fieldbooks: answer a tenant's list page (equality filter, sort, limit) and its count in SQLite
// from a sorted companion index (metadata/fieldbooks_companion.go), so FerretDB decodes only the page's
// documents instead of every document of the tenant, twice. Used only where the answer is provably the one
// the handler computes itself (it still filters, sorts and limits what it gets): the filter is equalities on
// a companion's first keys with string, ObjectId or boolean values, the sort is on its next keys, and no
// document holds a value of another type (an array, which MongoDB would match by element, a document, a
// double...) in those keys, which the companion tells from the index alone. Anything else keeps FerretDB's
// own path.

package sqlite

import (
\t"context"
\t"database/sql/driver"
\t"encoding/hex"
\t"encoding/json"
\t"fmt"
\t"regexp"
\t"strings"
\t"sync"

\tsqlite3 "modernc.org/sqlite"

\t"github.com/FerretDB/FerretDB/internal/backends"
\t"github.com/FerretDB/FerretDB/internal/backends/sqlite/metadata"
\t"github.com/FerretDB/FerretDB/internal/types"
\t"github.com/FerretDB/FerretDB/internal/util/fsql"
\t"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
\t"github.com/FerretDB/FerretDB/internal/util/must"
)

// fieldbooksExact is a query SQLite answers exactly from a companion index.
type fieldbooksExact struct {
\tfrom      string // \` FROM "table" INDEXED BY "companion"\`
\twhere     string
\targs      []any
\torderBy   string
\tguard     string // SELECT true when some document defeats the plan
\tguardArgs []any
}

// fieldbooksScalar is a filter value as its companion rank and SQL value.
func fieldbooksScalar(v any) (int64, any, bool) {
\tswitch v := v.(type) {
\tcase string:
\t\treturn 3, v, true
\tcase types.ObjectID:
\t\treturn 7, hex.EncodeToString(v[:]), true
\tcase bool:
\t\tif v {
\t\t\treturn 8, int64(1), true
\t\t}
\t\treturn 8, int64(0), true
\t}
\treturn 0, nil, false
}

// fieldbooksPlan finds a companion whose first keys are the filter's and next keys the sort's.
func fieldbooksPlan(meta *metadata.Collection, filter, sort *types.Document, limit int64) (*fieldbooksExact, bool) {
\tif meta.Capped() || filter.Len() == 0 || limit < 0 {
\t\treturn nil, false
\t}

\ttype eq struct {
\t\trank  int64
\t\tvalue any
\t}
\teqs := map[string]eq{}
\tfor _, key := range filter.Keys() {
\t\trank, value, ok := fieldbooksScalar(must.NotFail(filter.Get(key)))
\t\tif !ok {
\t\t\treturn nil, false
\t\t}
\t\teqs[key] = eq{rank, value}
\t}
\tif len(eqs) != filter.Len() {
\t\treturn nil, false // a key given twice
\t}

\tsortKeys := sort.Keys()
\tvar dir string
\tfor i, key := range sortKeys {
\t\td := ""
\t\tswitch must.NotFail(sort.Get(key)) {
\t\tcase int64(1):
\t\tcase int64(-1):
\t\t\td = " DESC"
\t\tdefault:
\t\t\treturn nil, false
\t\t}
\t\t// One direction for every key, so the index serves the order (read backwards for DESC).
\t\tif i > 0 && d != dir {
\t\t\treturn nil, false
\t\t}
\t\tdir = d
\t}

\tfor _, index := range meta.Settings.Indexes {
\t\tcompanion := metadata.FieldbooksCompanion(meta.TableName, index)
\t\tif companion == "" || len(index.Key) < len(eqs)+len(sortKeys) {
\t\t\tcontinue
\t\t}
\t\tmatch := true
\t\tfor i, k := range index.Key[:len(eqs)+len(sortKeys)] {
\t\t\tif _, isEq := eqs[k.Field]; i < len(eqs) && !isEq || i >= len(eqs) && k.Field != sortKeys[i-len(eqs)] {
\t\t\t\tmatch = false
\t\t\t\tbreak
\t\t\t}
\t\t}
\t\tif !match {
\t\t\tcontinue
\t\t}

\t\tp := &fieldbooksExact{from: fmt.Sprintf(\` FROM %q INDEXED BY %q\`, meta.TableName, companion)}
\t\tvar conds, guards []string
\t\tfor i, k := range index.Key[:len(eqs)+len(sortKeys)] {
\t\t\t// Documents matching the equalities so far whose next key holds a type the companion does not order.
\t\t\tguards = append(guards, fmt.Sprintf(\`EXISTS (SELECT 1%s WHERE %s)\`, p.from, strings.Join(append(append([]string{}, conds...), metadata.FieldbooksRank(k.Field)+\` IS NULL\`), " AND ")))
\t\t\tp.guardArgs = append(p.guardArgs, p.args...)
\t\t\tif i < len(eqs) {
\t\t\t\te := eqs[k.Field]
\t\t\t\tconds = append(conds, fmt.Sprintf(\`%s = ? AND %s = ?\`, metadata.FieldbooksRank(k.Field), metadata.FieldbooksValue(k.Field)))
\t\t\t\tp.args = append(p.args, e.rank, e.value)
\t\t\t}
\t\t}
\t\tp.where = \` WHERE \` + strings.Join(conds, " AND ")
\t\tp.guard = \`SELECT \` + strings.Join(guards, " OR ")
\t\tif len(sortKeys) > 0 {
\t\t\torder := make([]string, 0, 2*len(sortKeys)+1)
\t\t\tfor _, key := range sortKeys {
\t\t\t\torder = append(order, metadata.FieldbooksRank(key)+dir, metadata.FieldbooksValue(key)+dir)
\t\t\t}
\t\t\t// Ties beyond every sort key are in no defined order (FerretDB's own sort is not stable either).
\t\t\tp.orderBy = \` ORDER BY \` + strings.Join(append(order, \`rowid\`+dir), ", ")
\t\t}
\t\treturn p, true
\t}
\treturn nil, false
}

// safe reports whether no document defeats the plan (index seeks and one index range scan, no document read).
func (p *fieldbooksExact) safe(ctx context.Context, db *fsql.DB) bool {
\tvar unsafe bool
\t// An error (a companion that could not be built) also falls back to FerretDB's own path.
\treturn db.QueryRowContext(ctx, p.guard, p.guardArgs...).Scan(&unsafe) == nil && !unsafe
}

func (p *fieldbooksExact) selectQuery(limit int64) (string, []any) {
\tq := fmt.Sprintf(\`SELECT %s\`, metadata.DefaultColumn) + p.from + p.where + p.orderBy
\targs := append([]any{}, p.args...)
\tif limit != 0 {
\t\tq += \` LIMIT ?\`
\t\targs = append(args, limit)
\t}
\treturn q, args
}

// fieldbooksQuery answers the query exactly in SQLite when it can; false: use FerretDB's own path.
func (c *collection) fieldbooksQuery(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.QueryParams) (*backends.QueryResult, bool, error) { //nolint:lll // for readability
\tif params.FieldbooksSort.Len() == 0 && params.FieldbooksLimit == 0 && !params.FieldbooksCount || params.Sort.Len() != 0 || params.OnlyRecordIDs {
\t\treturn nil, false, nil
\t}
\tp, ok := fieldbooksPlan(meta, params.Filter, params.FieldbooksSort, params.FieldbooksLimit)
\tif !ok || !p.safe(ctx, db) {
\t\treturn nil, false, nil
\t}

\tif params.FieldbooksCount {
\t\tvar n int64
\t\tif err := db.QueryRowContext(ctx, \`SELECT COUNT(*)\`+p.from+p.where, p.args...).Scan(&n); err != nil {
\t\t\treturn nil, false, lazyerrors.Error(err)
\t\t}
\t\treturn &backends.QueryResult{Iter: newQueryIterator(ctx, nil, false), FieldbooksCount: n, FieldbooksCounted: true}, true, nil
\t}

\tq, args := p.selectQuery(params.FieldbooksLimit)
\trows, err := db.QueryContext(ctx, q, args...)
\tif err != nil {
\t\treturn nil, false, lazyerrors.Error(err)
\t}
\treturn &backends.QueryResult{Iter: newQueryIterator(ctx, rows, false)}, true, nil
}

// fieldbooksExplain explains the exact plan (SQLite's plan for it, pushdown flags set) when Query would use it.
func (c *collection) fieldbooksExplain(ctx context.Context, db *fsql.DB, meta *metadata.Collection, params *backends.ExplainParams) (*backends.ExplainResult, error) { //nolint:lll // for readability
\tif params.FieldbooksSort.Len() == 0 && params.FieldbooksLimit == 0 || params.Sort.Len() != 0 {
\t\treturn nil, nil
\t}
\tp, ok := fieldbooksPlan(meta, params.Filter, params.FieldbooksSort, params.FieldbooksLimit)
\tif !ok || !p.safe(ctx, db) {
\t\treturn nil, nil
\t}

\tq, args := p.selectQuery(params.FieldbooksLimit)
\trows, err := db.QueryContext(ctx, \`EXPLAIN QUERY PLAN \`+q, args...)
\tif err != nil {
\t\treturn nil, lazyerrors.Error(err)
\t}
\tdefer rows.Close()

\tqueryPlan := types.MakeArray(0)
\tfor rows.Next() {
\t\tvar id, parent, notused int32
\t\tvar detail string
\t\tif err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
\t\t\treturn nil, lazyerrors.Error(err)
\t\t}
\t\tqueryPlan.Append(fmt.Sprintf("id=%d parent=%d notused=%d detail=%s", id, parent, notused, detail))
\t}
\tif err := rows.Err(); err != nil {
\t\treturn nil, lazyerrors.Error(err)
\t}

\treturn &backends.ExplainResult{
\t\tQueryPlanner:   must.NotFail(types.NewDocument("Plan", queryPlan, "fieldbooksExact", true)),
\t\tFilterPushdown: true,
\t\tSortPushdown:   p.orderBy != "",
\t\tLimitPushdown:  params.FieldbooksLimit != 0,
\t}, nil
}

// A search, {$or: [{field: {$regex, $options}}, ...]} beside the tenant, is narrowed in SQLite too: SQLite
// hands each of the tenant's stored documents to fieldbooks_regex_any, which reads only the searched fields
// (far cheaper than FerretDB decoding the whole document) and drops the document when none of them is a
// string matching its regex, compiled as FerretDB compiles it. A field holding anything but a string (an
// array, which MongoDB searches by element, a document...) keeps the document, so the narrowing only ever
// drops documents the handler's own filter, which still runs, would drop.

func init() {
\tmust.NoError(sqlite3.RegisterDeterministicScalarFunction("fieldbooks_regex_any", 2, fieldbooksRegexAny))
}

// fieldbooksSearch is the narrowing condition for the filter's search, or "" when it has none.
func fieldbooksSearch(filter *types.Document) (string, []any) {
\tv, err := filter.Get("$or")
\tif err != nil {
\t\treturn "", nil
\t}
\tbranches, ok := v.(*types.Array)
\tif !ok || branches.Len() == 0 {
\t\treturn "", nil
\t}
\tspec := make([][3]string, 0, branches.Len())
\tfor i := 0; i < branches.Len(); i++ {
\t\tbranch, ok := must.NotFail(branches.Get(i)).(*types.Document)
\t\tif !ok || branch.Len() != 1 || !metadata.FieldbooksTopLevel(branch.Keys()[0]) {
\t\t\treturn "", nil
\t\t}
\t\tfield := branch.Keys()[0]
\t\tre, ok := fieldbooksRegexOf(must.NotFail(branch.Get(field)))
\t\tif !ok {
\t\t\treturn "", nil
\t\t}
\t\tif _, err := re.Compile(); err != nil {
\t\t\treturn "", nil // the handler reports it
\t\t}
\t\tspec = append(spec, [3]string{field, re.Pattern, re.Options})
\t}
\treturn fmt.Sprintf(\` AND fieldbooks_regex_any(%s, ?)\`, metadata.DefaultColumn), []any{string(must.NotFail(json.Marshal(spec)))}
}

// fieldbooksRegexOf reads {$regex: "...", $options: "..."} or a regex value.
func fieldbooksRegexOf(v any) (types.Regex, bool) {
\tswitch v := v.(type) {
\tcase types.Regex:
\t\treturn v, true
\tcase *types.Document:
\t\tvar re types.Regex
\t\tfor _, k := range v.Keys() {
\t\t\ts, ok := must.NotFail(v.Get(k)).(string)
\t\t\tswitch {
\t\t\tcase !ok:
\t\t\t\treturn re, false
\t\t\tcase k == "$regex":
\t\t\t\tre.Pattern = s
\t\t\tcase k == "$options":
\t\t\t\tre.Options = s
\t\t\tdefault:
\t\t\t\treturn re, false
\t\t\t}
\t\t}
\t\treturn re, v.Has("$regex")
\t}
\treturn types.Regex{}, false
}

var (
\tfieldbooksSpecsMu sync.Mutex
\tfieldbooksSpecs   = map[string][]fieldbooksRegexField{}
)

type fieldbooksRegexField struct {
\tfield string
\tre    *regexp.Regexp
}

func fieldbooksCompiled(spec string) ([]fieldbooksRegexField, error) {
\tfieldbooksSpecsMu.Lock()
\tdefer fieldbooksSpecsMu.Unlock()
\tif fields, ok := fieldbooksSpecs[spec]; ok {
\t\treturn fields, nil
\t}
\tvar raw [][3]string
\tif err := json.Unmarshal([]byte(spec), &raw); err != nil {
\t\treturn nil, err
\t}
\tfields := make([]fieldbooksRegexField, 0, len(raw))
\tfor _, r := range raw {
\t\tre, err := types.Regex{Pattern: r[1], Options: r[2]}.Compile()
\t\tif err != nil {
\t\t\treturn nil, err
\t\t}
\t\tfields = append(fields, fieldbooksRegexField{r[0], re})
\t}
\tif len(fieldbooksSpecs) >= 256 {
\t\tclear(fieldbooksSpecs) // searches differ; keep the cache small
\t}
\tfieldbooksSpecs[spec] = fields
\treturn fields, nil
}

// fieldbooksRegexAny(document, spec): 0 only when no searched field can match (see above).
func fieldbooksRegexAny(_ *sqlite3.FunctionContext, args []driver.Value) (driver.Value, error) {
\tdoc, ok1 := args[0].(string)
\tspec, ok2 := args[1].(string)
\tif !ok1 || !ok2 {
\t\treturn int64(1), nil
\t}
\tfields, err := fieldbooksCompiled(spec)
\tif err != nil {
\t\treturn int64(1), nil
\t}
\tvar top map[string]json.RawMessage
\tif err := json.Unmarshal([]byte(doc), &top); err != nil {
\t\treturn int64(1), nil
\t}
\tfor _, f := range fields {
\t\traw, ok := top[f.field]
\t\tif !ok {
\t\t\tcontinue // missing: no match
\t\t}
\t\tvar s string
\t\tif len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
\t\t\treturn int64(1), nil // not a string: the handler decides
\t\t}
\t\tif f.re.MatchString(s) {
\t\t\treturn int64(1), nil
\t\t}
\t}
\treturn int64(0), nil
}
`,
  companionFile: 'internal/backends/sqlite/metadata/fieldbooks_companion.go',
  companionSource: `// Added by fieldbooks: a sorted companion of each plain compound index, so SQLite can answer a list page
// (equality on the first keys, sort on the next ones, a limit) and its count from an index, in MongoDB's
// order. FerretDB's own index on \`_ferretdb_sjson->"k"\` orders the JSON text of a value, which is not
// MongoDB's order ("smith plumbing" sorts before "smith" once quoted; escapes, numbers before strings), so
// the companion indexes each key as (its type's rank in MongoDB's sort order, its value as SQL): strings
// and ObjectIds as text, integers, booleans and dates as integers. A value of another type (an array, a
// document, a double...) ranks NULL, and a query meeting one falls back to FerretDB's own path.

package metadata

import (
\t"context"
\t"fmt"
\t"os"
\t"regexp"
\t"strings"

\t"github.com/FerretDB/FerretDB/internal/util/fsql"
\t"github.com/FerretDB/FerretDB/internal/util/lazyerrors"
)

// Top-level field names only: a dotted path can cross arrays, and the name is spliced into a JSON path.
var fieldbooksKey = regexp.MustCompile(\`^[A-Za-z_][A-Za-z0-9_]*$\`)

// FieldbooksTopLevel reports whether a field name is a plain top-level name.
func FieldbooksTopLevel(field string) bool {
\treturn fieldbooksKey.MatchString(field)
}

// FieldbooksRank is the key's type rank in MongoDB's sort order (null and missing 1, numbers 2, strings 3,
// ObjectIds 7, booleans 8, dates 9), from the type sjson records in the document's schema; NULL otherwise.
func FieldbooksRank(key string) string {
\treturn fmt.Sprintf(\`(CASE coalesce(%s->>'$."$s".p.%s.t', 'null') WHEN 'null' THEN 1 WHEN 'int' THEN 2 WHEN 'long' THEN 2 \`+
\t\t\`WHEN 'string' THEN 3 WHEN 'objectId' THEN 7 WHEN 'bool' THEN 8 WHEN 'date' THEN 9 END)\`, DefaultColumn, key)
}

// FieldbooksValue is the key's value as SQL: TEXT for strings and ObjectIds (hex), INTEGER for integers,
// booleans and dates (milliseconds), NULL for null or missing.
func FieldbooksValue(key string) string {
\treturn fmt.Sprintf(\`(%s->>'$.%s')\`, DefaultColumn, key)
}

// FieldbooksCompanion is the name of the index's sorted companion, or "" if it has none: only non-unique
// indexes of two or more ascending top-level keys have one.
func FieldbooksCompanion(table string, index IndexInfo) string {
\tif index.Unique || len(index.Key) < 2 {
\t\treturn ""
\t}
\tfor _, k := range index.Key {
\t\tif k.Descending || !fieldbooksKey.MatchString(k.Field) {
\t\t\treturn ""
\t\t}
\t}
\treturn table + "_" + index.Name + "_fbsort"
}

func fieldbooksCompanionCreate(ctx context.Context, db *fsql.DB, table string, index IndexInfo) error {
\tname := FieldbooksCompanion(table, index)
\tif name == "" {
\t\treturn nil
\t}
\tcolumns := make([]string, 0, 2*len(index.Key))
\tfor _, k := range index.Key {
\t\tcolumns = append(columns, FieldbooksRank(k.Field), FieldbooksValue(k.Field))
\t}
\tq := fmt.Sprintf(\`CREATE INDEX IF NOT EXISTS %q ON %q (%s)\`, name, table, strings.Join(columns, ", "))
\tif _, err := db.ExecContext(ctx, q); err != nil {
\t\treturn lazyerrors.Error(err)
\t}
\treturn nil
}

func fieldbooksCompanionDrop(ctx context.Context, db *fsql.DB, table string, index IndexInfo) error {
\tname := FieldbooksCompanion(table, index)
\tif name == "" {
\t\treturn nil
\t}
\tif _, err := db.ExecContext(ctx, fmt.Sprintf(\`DROP INDEX IF EXISTS %q\`, name)); err != nil {
\t\treturn lazyerrors.Error(err)
\t}
\treturn nil
}

// fieldbooksCompanionsEnsure builds the companions an existing database lacks (once, when it is opened after
// the upgrade: each reads its table once, minutes for a million documents). A line on stderr before each
// tells the launcher the server is busy, not hung (see ferretdb.launcher.ts).
func fieldbooksCompanionsEnsure(ctx context.Context, db *fsql.DB, colls map[string]*Collection) error {
\tfor _, c := range colls {
\t\tfor _, index := range c.Settings.Indexes {
\t\t\tname := FieldbooksCompanion(c.TableName, index)
\t\t\tif name == "" {
\t\t\t\tcontinue
\t\t\t}
\t\t\tvar exists bool
\t\t\tq := \`SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?)\`
\t\t\tif err := db.QueryRowContext(ctx, q, name).Scan(&exists); err != nil {
\t\t\t\treturn lazyerrors.Error(err)
\t\t\t}
\t\t\tif exists {
\t\t\t\tcontinue
\t\t\t}
\t\t\tfmt.Fprintf(os.Stderr, "fieldbooks: building the sorted index of %s.%s (once, after an upgrade of the embedded database)\\n", c.Name, index.Name)
\t\t\tif err := fieldbooksCompanionCreate(ctx, db, c.TableName, index); err != nil {
\t\t\t\treturn err
\t\t\t}
\t\t}
\t}
\treturn nil
}
`,
  /** Each edit's anchor must occur exactly once; `text` goes before or after it, or replaces it. */
  edits: [
    // The hints and the count travel in the backend's query and explain parameters and result.
    { file: 'internal/backends/collection.go', at: 'before', anchor: '\tOnlyRecordIDs bool\n\tComment       string\n}\n', text: '\t// fieldbooks: see internal/handler/fieldbooks_pushdown.go.\n\tFieldbooksSort  *types.Document\n\tFieldbooksLimit int64\n\tFieldbooksCount bool\n\n' },
    { file: 'internal/backends/collection.go', at: 'replace', anchor: 'type QueryResult struct {\n\tIter types.DocumentsIterator\n}\n', text: 'type QueryResult struct {\n\tIter types.DocumentsIterator\n\n\t// fieldbooks: the number of matching documents, when FieldbooksCount was asked and FieldbooksCounted is set.\n\tFieldbooksCount   int64\n\tFieldbooksCounted bool\n}\n' },
    { file: 'internal/backends/collection.go', at: 'replace', anchor: 'type ExplainParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n}\n', text: 'type ExplainParams struct {\n\tFilter *types.Document\n\tSort   *types.Document\n\tLimit  int64\n\n\t// fieldbooks: see internal/handler/fieldbooks_pushdown.go.\n\tFieldbooksSort  *types.Document\n\tFieldbooksLimit int64\n}\n' },
    // find, explain and aggregate ask; the SQLite backend answers.
    { file: 'internal/handler/msg_find.go', at: 'before', anchor: '\th.L.DebugContext(ctx, fmt.Sprintf("Converted %+v for %+v to %+v.", params, cInfo, qp))\n', text: '\th.fieldbooksFindHints(qp, params.Filter, params.Sort, params.Limit, params.Skip)\n\n' },
    { file: 'internal/handler/msg_explain.go', at: 'before', anchor: '\tres, err := coll.Explain(connCtx, qp)\n', text: '\tif params.Skip == 0 && h.fieldbooksWholeFilter(qp.Filter, params.Filter) {\n\t\tqp.FieldbooksSort, qp.FieldbooksLimit = params.Sort, params.Limit\n\t}\n\n' },
    { file: 'internal/handler/msg_aggregate.go', at: 'replace', anchor: '\t\titer, err = processStagesDocuments(ctx, closer, &stagesDocumentsParams{c, qp, stagesDocuments})\n', text: '\t\titer, err = h.fieldbooksProcessStages(ctx, closer, &stagesDocumentsParams{c, qp, stagesDocuments}, aggregationStages, filter)\n' },
    { file: 'internal/backends/sqlite/collection.go', at: 'after', anchor: '\twhereClause, args = fieldbooksPushdown(params.Filter)\n', text: '\n\tif res, ok, err := c.fieldbooksQuery(ctx, db, meta, params); ok || err != nil {\n\t\treturn res, err\n\t}\n\n\tif whereClause != "" {\n\t\tsearch, searchArgs := fieldbooksSearch(params.Filter)\n\t\twhereClause += search\n\t\targs = append(args, searchArgs...)\n\t}\n' },
    { file: 'internal/backends/sqlite/collection.go', at: 'after', anchor: '\tselectClause := prepareSelectClause(meta.TableName, "", meta.Capped(), false)\n', text: '\n\tif res, err := c.fieldbooksExplain(ctx, db, meta, params); res != nil || err != nil {\n\t\treturn res, err\n\t}\n' },
    // The companion indexes: built with their index, dropped with it, and built once for an existing database.
    { file: 'internal/backends/sqlite/metadata/registry.go', at: 'before', anchor: '\t\tcreated = append(created, index.Name)\n', text: '\t\tif err := fieldbooksCompanionCreate(ctx, db, c.TableName, index); err != nil {\n\t\t\t_, _ = db.ExecContext(ctx, fmt.Sprintf("DROP INDEX %q", c.TableName+"_"+index.Name))\n\t\t\t_ = r.indexesDrop(ctx, dbName, collectionName, created)\n\t\t\treturn lazyerrors.Error(err)\n\t\t}\n\n' },
    { file: 'internal/backends/sqlite/metadata/registry.go', at: 'after', anchor: '\t\tq := fmt.Sprintf("DROP INDEX %q", c.TableName+"_"+name)\n\t\tif _, err := db.ExecContext(ctx, q); err != nil {\n\t\t\treturn lazyerrors.Error(err)\n\t\t}\n', text: '\n\t\tif err := fieldbooksCompanionDrop(ctx, db, c.TableName, c.Settings.Indexes[i]); err != nil {\n\t\t\treturn lazyerrors.Error(err)\n\t\t}\n' },
    { file: 'internal/backends/sqlite/metadata/registry.go', at: 'before', anchor: '\tr.colls[dbName] = colls\n', text: '\tif err = fieldbooksCompanionsEnsure(ctx, db, colls); err != nil {\n\t\treturn lazyerrors.Error(err)\n\t}\n\n' },
  ],
} as const;

export class EmbeddedDatabaseUnavailableError extends Error {
  constructor(reason: string) {
    super(
      `${reason}\n` +
        'fieldbooks needs a MongoDB-compatible database. Either:\n' +
        '  - set MONGODB_URI to a MongoDB 6+ server (e.g. MONGODB_URI=mongodb://localhost:27017/fieldbooks), or\n' +
        `  - install Go ${GO_MINIMUM.join('.')}+ (https://go.dev/dl/, or \`bash scripts/install-go.sh\`, which fetches one into the tools folder) so fieldbooks can build its embedded FerretDB server on first start.`,
    );
    this.name = 'EmbeddedDatabaseUnavailableError';
  }
}

export function ferretdbBinaryPath(toolsDir: string): string {
  return path.join(toolsDir, 'ferretdb', FERRETDB_BUILD, 'bin', 'ferretdb');
}

/** Returns the path of a FerretDB binary, building it first if it is not there yet. */
export async function ensureFerretdb(toolsDir: string, log: (message: string) => void = () => {}): Promise<string> {
  const binary = ferretdbBinaryPath(toolsDir);
  if (existsSync(binary)) return binary;

  const { go, version: goVersion } = await findGo(toolsDir);
  log(`Building the embedded FerretDB ${FERRETDB_VERSION} with ${goVersion} (first start only, about a minute)...`);

  const root = path.dirname(path.dirname(binary));
  // A unique work folder, renamed into place at the end: two processes building at once cannot
  // leave a half-written binary behind for each other.
  const work = path.join(root, `.build-${process.pid}-${Date.now()}`);
  try {
    await mkdir(work, { recursive: true });
    // GOTOOLCHAIN=local: FerretDB's go.mod also names a toolchain (go1.24.3); any Go >= 1.24 builds it, and a
    // toolchain download would need the checksum database, which offline or proxied machines cannot reach.
    const { stdout } = await run(go, ['mod', 'download', '-json', `${FERRETDB_MODULE}@${FERRETDB_VERSION}`], {
      cwd: work,
      env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
      maxBuffer: 16 * 1024 * 1024,
    });
    const moduleDir = (JSON.parse(stdout) as { Dir?: string; Error?: string }).Dir;
    if (!moduleDir) throw new Error(`go mod download did not return a module folder: ${stdout}`);

    const src = path.join(work, 'src');
    await cp(moduleDir, src, { recursive: true });
    await makeWritable(src);
    await writeFile(path.join(src, 'build', 'version', 'version.txt'), `${FERRETDB_VERSION}\n`);
    await applyIdLookupPatch(src);
    await applyWriteLockPatch(src);
    await applyTenantPushdownPatch(src);
    await applyExactPushdownPatch(src);
    const builtBinary = path.join(work, 'ferretdb');
    await run(go, ['build', '-trimpath', '-o', builtBinary, './cmd/ferretdb'], {
      cwd: src,
      env: { ...process.env, CGO_ENABLED: '0', GOTOOLCHAIN: 'local' },
      maxBuffer: 16 * 1024 * 1024,
    });
    await mkdir(path.dirname(binary), { recursive: true });
    await rename(builtBinary, binary);
  } catch (error) {
    if (existsSync(binary)) return binary; // another process won the race
    throw new EmbeddedDatabaseUnavailableError(`Building the embedded FerretDB server failed: ${(error as Error).message}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  log(`FerretDB installed at ${binary}`);
  return binary;
}

/**
 * The Go to build with: the one on PATH when it is new enough, else one that `scripts/install-go.sh` put in
 * the tools folder. Too old or missing fails at once, naming the version found and the way out.
 */
export async function findGo(toolsDir: string): Promise<{ go: string; version: string }> {
  const local = path.join(toolsDir, 'go');
  const installed = existsSync(local) ? (await readdir(local)).sort().reverse().map((v) => path.join(local, v, 'bin', 'go')) : [];
  const found: string[] = [];
  for (const go of ['go', ...installed]) {
    let version: string;
    try {
      version = (await run(go, ['version'], { env: { ...process.env, GOTOOLCHAIN: 'local' } })).stdout.trim();
    } catch {
      continue;
    }
    const match = /go(\d+)\.(\d+)/.exec(version);
    const [major, minor] = [Number(match?.[1] ?? 0), Number(match?.[2] ?? 0)];
    if (major > GO_MINIMUM[0] || (major === GO_MINIMUM[0] && minor >= GO_MINIMUM[1])) return { go, version };
    found.push(version);
  }
  throw new EmbeddedDatabaseUnavailableError(
    found.length
      ? `MONGODB_URI is not set and the Go found (${found.join('; ')}) is older than ${GO_MINIMUM.join('.')}, which the embedded FerretDB server needs to be built.`
      : 'MONGODB_URI is not set and Go is not installed, so the embedded FerretDB server cannot be built.',
  );
}

async function makeWritable(dir: string): Promise<void> {
  // Files from the Go module cache are read-only: open what we write (version.txt, the patched file).
  await chmod(dir, 0o755);
  await chmod(path.join(dir, 'build', 'version'), 0o755);
  await chmod(path.join(dir, path.dirname(ID_LOOKUP_PATCH.file)), 0o755);
  await chmod(path.join(dir, ID_LOOKUP_PATCH.file), 0o644);
  await chmod(path.join(dir, 'internal', 'handler'), 0o755);
  for (const { file } of WRITE_LOCK_PATCH.handlers) await chmod(path.join(dir, file), 0o644);
  await chmod(path.join(dir, path.dirname(TENANT_PUSHDOWN_PATCH.target)), 0o755);
  await chmod(path.join(dir, TENANT_PUSHDOWN_PATCH.target), 0o644);
  await chmod(path.join(dir, 'internal', 'backends'), 0o755);
  for (const { file } of EXACT_PUSHDOWN_PATCH.edits) await chmod(path.join(dir, file), 0o644);
}

async function applyIdLookupPatch(src: string): Promise<void> {
  const file = path.join(src, ID_LOOKUP_PATCH.file);
  const text = await readFile(file, 'utf8');
  if (!text.includes(ID_LOOKUP_PATCH.from)) throw new Error(`${ID_LOOKUP_PATCH.file} no longer contains ${ID_LOOKUP_PATCH.from}: review the _id lookup patch for this FerretDB version`);
  await writeFile(file, text.replace(ID_LOOKUP_PATCH.from, ID_LOOKUP_PATCH.to));
}

async function applyWriteLockPatch(src: string): Promise<void> {
  await writeFile(path.join(src, WRITE_LOCK_PATCH.file), WRITE_LOCK_PATCH.source);
  for (const { file, after } of WRITE_LOCK_PATCH.handlers) {
    const target = path.join(src, file);
    const text = await readFile(target, 'utf8');
    // Exactly one anchor, so the lock cannot land in the wrong function after a FerretDB upgrade.
    if (text.split(after).length !== 2) throw new Error(`${file} no longer contains its write-lock anchor once: review the write-lock patch for this FerretDB version`);
    await writeFile(target, text.replace(after, after + WRITE_LOCK_PATCH.lock));
  }
}

async function applyTenantPushdownPatch(src: string): Promise<void> {
  const target = path.join(src, TENANT_PUSHDOWN_PATCH.target);
  const text = await readFile(target, 'utf8');
  if (text.split(TENANT_PUSHDOWN_PATCH.from).length !== 2) throw new Error(`${TENANT_PUSHDOWN_PATCH.target} no longer contains the Query method's _id narrowing once: review the tenant pushdown patch for this FerretDB version`);
  await writeFile(target, text.replace(TENANT_PUSHDOWN_PATCH.from, TENANT_PUSHDOWN_PATCH.to));
  await writeFile(path.join(src, TENANT_PUSHDOWN_PATCH.file), TENANT_PUSHDOWN_PATCH.source);
}

async function applyExactPushdownPatch(src: string): Promise<void> {
  // After the tenant pushdown patch: one anchor is the line that patch writes.
  for (const { file, at, anchor, text } of EXACT_PUSHDOWN_PATCH.edits) {
    const target = path.join(src, file);
    const current = await readFile(target, 'utf8');
    if (current.split(anchor).length !== 2) throw new Error(`${file} no longer contains its exact-pushdown anchor once: review the exact pushdown patch for this FerretDB version`);
    await writeFile(target, current.replace(anchor, at === 'before' ? text + anchor : at === 'after' ? anchor + text : text));
  }
  await writeFile(path.join(src, EXACT_PUSHDOWN_PATCH.handlerFile), EXACT_PUSHDOWN_PATCH.handlerSource);
  await writeFile(path.join(src, EXACT_PUSHDOWN_PATCH.backendFile), EXACT_PUSHDOWN_PATCH.backendSource);
  await writeFile(path.join(src, EXACT_PUSHDOWN_PATCH.companionFile), EXACT_PUSHDOWN_PATCH.companionSource);
}
