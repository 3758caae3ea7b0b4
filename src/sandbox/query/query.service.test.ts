import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../clock.js';
import { QboFault } from '../faults.js';
import { FakeCompanyStore } from './company-store.fake.js';
import { executeQuery, type QueryOptions } from './query.service.js';

const START = Date.parse('2026-05-05T09:00:00Z');

function store(): FakeCompanyStore {
  const s = new FakeCompanyStore('9341457021722202', new VirtualClock({ start: START }));
  s.seed(
    'Customer',
    { Id: '2', DisplayName: "Amy's Bird Sanctuary", GivenName: 'Amy', CompanyName: 'Birds', Active: true, Balance: 239, Taxable: true, PrimaryEmailAddr: { Address: 'amy@example.com' }, MetaData: { CreateTime: '2026-04-01T10:00:00-07:00', LastUpdatedTime: '2026-04-20T10:00:00-07:00' } },
    { Id: '10', DisplayName: 'Bill\'s Windsurf Shop', GivenName: 'Bill', Active: true, Balance: 85.5, Taxable: false, MetaData: { CreateTime: '2026-04-01T10:00:00-07:00', LastUpdatedTime: '2026-05-01T08:30:00-07:00' } },
    { Id: '1150040002', DisplayName: 'cool cars', GivenName: 'Cool', Active: true, Balance: 0, ParentRef: { value: '2' }, MetaData: { CreateTime: '2026-04-01T10:00:00-07:00', LastUpdatedTime: '2026-05-04T23:59:59-07:00' } },
    { Id: '3', DisplayName: 'Diego Rodriguez', GivenName: 'Diego', Active: false, Balance: 0, MetaData: { CreateTime: '2026-04-01T10:00:00-07:00', LastUpdatedTime: '2026-04-02T10:00:00-07:00' } },
    { Id: '5', DisplayName: 'Dukes Basketball Camp', GivenName: 'Dukes', Active: true, Balance: 0.1, MetaData: { CreateTime: '2026-04-01T10:00:00-07:00', LastUpdatedTime: '2026-04-10T10:00:00-07:00' } },
  );
  s.seed(
    'Invoice',
    { Id: '130', DocNumber: '1037', TxnDate: '2026-04-10', CustomerRef: { value: '2', name: "Amy's Bird Sanctuary" }, TotalAmt: 362.07, Balance: 362.07 },
    { Id: '96', DocNumber: '1031', TxnDate: '2026-03-30', CustomerRef: { value: '10', name: "Bill's Windsurf Shop" }, TotalAmt: 387, Balance: 0 },
    { Id: '155', DocNumber: '1042', TxnDate: '2024-01-15', CustomerRef: { value: '2', name: "Amy's Bird Sanctuary" }, TotalAmt: 100, Balance: 100 },
  );
  return s;
}

const q = (sql: string, options?: QueryOptions) => executeQuery(store(), sql, { nowMs: START, ...options });
const ids = (sql: string, entity = 'Customer', options?: QueryOptions): string[] =>
  ((q(sql, options).QueryResponse[entity] ?? []) as { Id: string }[]).map((r) => r.Id);

function fault(sql: string, options?: QueryOptions): { code: string; Message: string; Detail: string } {
  let caught: unknown;
  try {
    q(sql, options);
  } catch (e) {
    caught = e;
  }
  expect(caught, `expected a fault for: ${sql}`).toBeInstanceOf(QboFault);
  const f = caught as QboFault;
  expect(f.httpStatus).toBe(400);
  expect(f.errors).toHaveLength(1);
  return f.errors[0]!;
}

describe('response envelope', () => {
  it('wraps rows with startPosition and maxResults = rows returned', () => {
    const body = q('SELECT * FROM Customer');
    expect(Object.keys(body.QueryResponse)).toEqual(['Customer', 'startPosition', 'maxResults']);
    expect(body.QueryResponse.startPosition).toBe(1);
    expect(body.QueryResponse.maxResults).toBe(4);
  });

  it('returns an empty QueryResponse object when nothing matches', () => {
    expect(q("SELECT * FROM Customer WHERE DisplayName = 'nobody'")).toEqual({ QueryResponse: {} });
  });

  it('returns only totalCount for COUNT(*)', () => {
    expect(q('SELECT COUNT(*) FROM Customer')).toEqual({ QueryResponse: { totalCount: 4 } });
    expect(q("select count(*) from Invoice where CustomerRef = '2'")).toEqual({ QueryResponse: { totalCount: 2 } });
  });

  it('uses the canonical entity name whatever the query casing', () => {
    expect(Object.keys(q('select * from cUstomer').QueryResponse)[0]).toBe('Customer');
  });

  it('returns copies, not the store records', () => {
    const s = store();
    const rows = executeQuery(s, "select * from Customer where Id = '2'").QueryResponse.Customer as Record<string, unknown>[];
    rows[0]!.DisplayName = 'mutated';
    expect(s.read('Customer', '2').DisplayName).toBe("Amy's Bird Sanctuary");
  });

  it('adds totalCount to row responses only when configured for the entity', () => {
    expect(q('select * from Invoice').QueryResponse.totalCount).toBeUndefined();
    expect(q('select * from Invoice maxresults 1', { includeTotalCount: ['Invoice'] }).QueryResponse.totalCount).toBe(3);
  });

  it('answers queries on real but unmodelled entities with no rows', () => {
    expect(q('select * from Transfer')).toEqual({ QueryResponse: {} });
  });
});

describe('keywords and identifiers', () => {
  it('is case-insensitive for keywords, entity and property names', () => {
    expect(ids("sElEcT * fRoM cUstomer wHeRe givenname = 'Amy'")).toEqual(['2']);
  });

  it('accepts a column list and still returns full objects', () => {
    const rows = q("select Id, DisplayName from Customer where Id = '2'").QueryResponse.Customer as Record<string, unknown>[];
    expect(rows[0]).toMatchObject({ Id: '2', GivenName: 'Amy', Balance: 239 });
  });

  it('accepts ORDER BY as two words', () => {
    expect(ids('select * from Customer order by DisplayName desc')).toEqual(['5', '1150040002', '10', '2']);
  });

  it('accepts queries spread over several lines', () => {
    expect(ids("select *\nfrom Customer\nwhere GivenName = 'Bill'")).toEqual(['10']);
  });
});

describe('WHERE operators', () => {
  it('= on strings is case-sensitive by default and case-insensitive when configured', () => {
    expect(ids("select * from Customer where DisplayName = 'COOL CARS'")).toEqual([]);
    expect(ids("select * from Customer where DisplayName = 'COOL CARS'", 'Customer', { caseInsensitiveValues: true })).toEqual(['1150040002']);
  });

  it('compares numbers numerically with quoted or unquoted values', () => {
    expect(ids('select * from Customer where Balance > 85')).toEqual(['2', '10']);
    expect(ids("select * from Customer where Balance >= '85.50'")).toEqual(['2', '10']);
    expect(ids('select * from Customer where Balance < 0.2')).toEqual(['5', '1150040002']);
    expect(ids('select * from Customer where Balance <= 0.1')).toEqual(['5', '1150040002']);
    expect(ids('select * from Customer where Balance = 0.1')).toEqual(['5']);
  });

  it('compares booleans', () => {
    expect(ids('select * from Customer where Taxable = false')).toEqual(['10']);
    expect(ids("select * from Customer where Taxable = 'true'")).toEqual(['2']);
  });

  it('IN matches any listed value, including Ids', () => {
    expect(ids("select * from Customer where Id in ('10', '1150040002', '999')")).toEqual(['10', '1150040002']);
    expect(ids("select * from Customer where GivenName IN ('Amy','Dukes')")).toEqual(['2', '5']);
  });

  it('LIKE supports % only; _ is a literal', () => {
    expect(ids("select * from Customer where DisplayName like '%Shop'")).toEqual(['10']);
    expect(ids("select * from Customer where DisplayName like 'D%'")).toEqual(['5']);
    expect(ids("select * from Customer where DisplayName like '%o%'")).toEqual(['10', '1150040002']);
    expect(ids("select * from Customer where DisplayName like 'cool_cars'")).toEqual([]);
    expect(ids("select * from Customer where DisplayName like 'cool.cars'")).toEqual([]);
  });

  it('ANDs several conditions', () => {
    expect(ids("select * from Customer where Balance > 0 and GivenName like 'B%'")).toEqual(['10']);
  });

  it('compares reference fields by id', () => {
    expect(ids("select * from Invoice where CustomerRef = '2'", 'Invoice')).toEqual(['130', '155']);
    expect(ids("select * from Customer where ParentRef = '2'")).toEqual(['1150040002']);
  });

  it('compares e-mail objects by address', () => {
    expect(ids("select * from Customer where PrimaryEmailAddr = 'amy@example.com'")).toEqual(['2']);
  });

  it('filters MetaData.LastUpdatedTime as instants across offsets', () => {
    // 2026-05-01T08:30:00-07:00 == 2026-05-01T15:30:00Z
    expect(ids("select * from Customer where MetaData.LastUpdatedTime >= '2026-05-01T15:30:00Z'")).toEqual(['10', '1150040002']);
    expect(ids("select * from Customer where Metadata.LastUpdatedTime > '2026-05-01T08:30:00-07:00'")).toEqual(['1150040002']);
    expect(ids("select * from Customer where MetaData.LastUpdatedTime > '2026-05-01T10:30:00-05:00'")).toEqual(['1150040002']);
  });

  it('reads a date-only literal on a date-time property as Pacific midnight', () => {
    expect(ids("select * from Customer where MetaData.LastUpdatedTime >= '2026-05-01'")).toEqual(['10', '1150040002']);
    expect(ids("select * from Customer where MetaData.LastUpdatedTime < '2026-04-20'")).toEqual(['5']);
  });

  it('compares plain dates as calendar dates', () => {
    expect(ids("select * from Invoice where TxnDate >= '2026-03-30'", 'Invoice')).toEqual(['96', '130']);
    expect(ids("select * from Invoice where TxnDate = '2024-01-15'", 'Invoice')).toEqual(['155']);
    expect(ids("select * from Invoice where TxnDate < CURRENT_DATE", 'Invoice')).toEqual(['96', '130', '155']);
  });

  it('rejects a value that is not a date for a date property (4001)', () => {
    expect(fault("select * from Invoice where TxnDate > 'yesterday'").code).toBe('4001');
  });

  it('rejects a non-numeric value for a number property (4001)', () => {
    expect(fault("select * from Customer where Balance > 'lots'").code).toBe('4001');
  });
});

describe('escaping', () => {
  it("matches a backslash-escaped apostrophe", () => {
    expect(ids("select * from Customer where DisplayName = 'Amy\\'s Bird Sanctuary'")).toEqual(['2']);
    expect(ids("select * from Customer where DisplayName like 'Bill\\'s%'")).toEqual(['10']);
  });

  it('rejects an unescaped apostrophe with the real QueryParserError text', () => {
    const err = fault("select * from vendor where DisplayName = 'Cutlery 'R Us'");
    expect(err.code).toBe('4000');
    expect(err.Message).toBe('Error parsing query');
    expect(err.Detail).toBe(
      'QueryParserError: Encountered " <IDENTIFIER> "R "" at line 1, column 52.\nWas expecting one of:\n    <EOF> \n    <AND> ...\n    "iterator" ...\n    "maxresults" ...\n    <OR> ...\n    "order" ...\n    "orderby" ...\n    "startposition" ...\n    ',
    );
  });

  it('reports the column of the unescaped apostrophe like quickbooks-ruby #471', () => {
    const err = fault("SELECT * FROM Vendor WHERE DisplayName = 'Aido's  LLC'");
    expect(err.Detail).toContain('Encountered " <IDENTIFIER> "s "" at line 1, column 48.');
  });

  it('rejects a curly apostrophe with a lexical error naming the character', () => {
    const err = fault("SELECT * FROM ITEM WHERE NAME LIKE '%Fleur\u2019t'");
    expect(err.code).toBe('4000');
    expect(err.Detail).toBe('QueryParserError: Invalid content. Lexical error at line 1, column 43.  Encountered: "\\u2019" (8217), after : "\\\'%Fleur"');
  });

  it('rejects an en dash outside a string', () => {
    expect(fault('select * from Customer where Balance \u2013 5').Detail).toContain('Encountered: "\\u2013" (8211)');
  });

  it('accepts accented letters in strings unless configured to reject all non-ASCII', () => {
    expect(ids("select * from Customer where DisplayName = 'Caf\u00e9'")).toEqual([]);
    expect(fault("select * from Customer where DisplayName = 'Caf\u00e9'", { nonAsciiInStrings: 'reject-all' }).code).toBe('4000');
  });

  it('breaks on a trailing literal backslash (the quote is swallowed)', () => {
    const err = fault("select * from Customer where DisplayName = 'abc\\'");
    expect(err.code).toBe('4000');
    expect(err.Detail).toContain('Lexical error');
    expect(err.Detail).toContain('Encountered: <EOF>');
  });

  it('rejects characters the language does not use', () => {
    expect(fault("select * from Customer where DisplayName != 'x'").Detail).toContain('Encountered: "!" (33)');
    expect(fault('select * from Customer;').code).toBe('4000');
  });
});

describe('syntax errors (4000)', () => {
  it.each([
    ['select from Customer'],
    ['select * Customer'],
    ['select * from'],
    ['select * from Customer where'],
    ["select * from Customer where DisplayName 'x'"],
    ['select * from Customer where DisplayName ='],
    ['select * from Customer where Id in (1, 2'],
    ['select * from Customer orderby'],
    ['select * from Customer startposition'],
    ['select * from Customer maxresults 10 maxresults 10'],
    ['select * from Customer startposition 1.5'],
    ['select count(Id) from Customer'],
    ['select * from Customer group by DisplayName'],
    ['select * from Customer, Vendor'],
    ["select * from Customer where DisplayName like 5"],
    ['delete from Customer'],
    [''],
  ])('%s', (sql) => {
    const err = fault(sql);
    expect(err.code).toBe('4000');
    expect(err.Detail).toMatch(/^QueryParserError: /);
  });

  it('names EOF when the statement stops early', () => {
    expect(fault('select * from').Detail).toBe('QueryParserError: Encountered "<EOF>" at line 1, column 14.\nWas expecting:\n    <IDENTIFIER> ...\n    ');
  });

  it('lists what may follow the entity', () => {
    expect(fault('select * from Customer foo').Detail).toContain('"where" ...');
  });
});

describe('validation errors (4001)', () => {
  it('rejects STARTPOSITION 0 with the real detail', () => {
    const err = fault('select * from Customer startposition 0');
    expect(err).toMatchObject({ code: '4001', Message: 'Invalid query', Detail: 'QueryValidationError: value 0 is too small. Min allowed value is 1' });
  });

  it('rejects MAXRESULTS 0 and negative positions', () => {
    expect(fault('select * from Customer maxresults 0').Detail).toBe('QueryValidationError: value 0 is too small. Min allowed value is 1');
    expect(fault('select * from Customer startposition -1').code).toBe('4001');
  });

  it('rejects MAXRESULTS above 1000 by default and caps when configured', () => {
    expect(fault('select * from Customer maxresults 1001').Detail).toBe('QueryValidationError: value 1001 is too large. Max allowed value is 1000');
    expect(ids('select * from Customer maxresults 5000', 'Customer', { maxResultsAbove1000: 'cap' })).toHaveLength(4);
    expect(ids('select * from Customer maxresults 1000')).toHaveLength(4);
  });

  it('allows only = and IN on Id', () => {
    expect(fault("select * from Customer where Id > '3'").code).toBe('4001');
    expect(fault("select * from Customer where Id like '1%'").code).toBe('4001');
  });

  it('rejects properties that are not filterable or sortable', () => {
    expect(fault("select * from Customer where Nickname = 'x'")).toMatchObject({ code: '4001', Detail: "QueryValidationError: property 'Nickname' is not queryable" });
    expect(fault('select * from Customer orderby Nickname').code).toBe('4001');
  });

  it("accepts any property path when propertyCheck is 'any'", () => {
    expect(ids("select * from Customer where CompanyName = 'Birds'", 'Customer', { propertyCheck: 'any' })).toEqual(['2']);
  });

  it('rejects an unknown entity', () => {
    expect(fault('select * from Widget').code).toBe('4001');
  });

  it('parses OR but rejects it', () => {
    expect(fault("select * from Customer where GivenName = 'Amy' or GivenName = 'Bill'").code).toBe('4001');
  });
});

describe('ordering and paging', () => {
  it('sorts by Id numerically by default (large ids last)', () => {
    expect(ids('select * from Customer')).toEqual(['2', '5', '10', '1150040002']);
    expect(ids('select * from Invoice', 'Invoice')).toEqual(['96', '130', '155']);
  });

  it('sorts by a property ascending or descending', () => {
    expect(ids('select * from Customer orderby Balance')).toEqual(['1150040002', '5', '10', '2']);
    expect(ids('select * from Customer orderby Balance desc')).toEqual(['2', '10', '5', '1150040002']);
    expect(ids('select * from Customer orderby DisplayName asc')).toEqual(['2', '10', '1150040002', '5']);
    expect(ids('select * from Customer orderby MetaData.LastUpdatedTime desc')).toEqual(['1150040002', '10', '2', '5']);
  });

  it('pages 1-based with STARTPOSITION and MAXRESULTS in either order', () => {
    expect(ids('select * from Customer startposition 1 maxresults 2')).toEqual(['2', '5']);
    expect(ids('select * from Customer maxresults 2 startposition 3')).toEqual(['10', '1150040002']);
    const body = q('SELECT * FROM Customer MAXRESULTS 3 STARTPOSITION 2');
    expect(body.QueryResponse).toMatchObject({ startPosition: 2, maxResults: 3 });
  });

  it('returns a short last page and an empty body past the end', () => {
    expect(q('select * from Customer startposition 4 maxresults 3').QueryResponse.maxResults).toBe(1);
    expect(q('select * from Customer startposition 5')).toEqual({ QueryResponse: {} });
  });

  it('defaults MAXRESULTS to 100', () => {
    const s = new FakeCompanyStore('1', new VirtualClock({ start: START }));
    for (let i = 1; i <= 150; i++) s.seed('Item', { Id: String(i), Name: `Item ${i}`, Active: true });
    const body = executeQuery(s, 'select * from Item');
    expect(body.QueryResponse.maxResults).toBe(100);
    expect(executeQuery(s, 'select * from Item startposition 101').QueryResponse.maxResults).toBe(50);
  });
});

describe('inactive name-list records', () => {
  it('are hidden unless the query mentions Active', () => {
    expect(ids('select * from Customer')).not.toContain('3');
    expect(ids('select * from Customer where Active = false')).toEqual(['3']);
    expect(ids('select * from Customer where Active in (true, false)')).toEqual(['2', '3', '5', '10', '1150040002']);
  });

  it('are returned by default when activeOnlyByDefault is off', () => {
    expect(ids('select * from Customer', 'Customer', { activeOnlyByDefault: false })).toContain('3');
  });
});
