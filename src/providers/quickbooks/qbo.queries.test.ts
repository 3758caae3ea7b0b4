import { describe, expect, it } from 'vitest';
import { byNameQuery, changedBetweenWhere, changedNameListWhere, idsInWhere } from './qbo.queries.js';

// The clauses the chart refresh, the change poller and the item lookups sent before they moved here, verbatim.
describe('QBO query helpers', () => {
  it('read a name list whole or after a watermark, inactive rows included', () => {
    expect(changedNameListWhere(null)).toBe('where Active IN (true, false)');
    expect(changedNameListWhere('2026-04-01T10:00:00-07:00')).toBe("where MetaData.LastUpdatedTime > '2026-04-01T10:00:00-07:00' and Active IN (true, false)");
  });

  it('bound a change window in Pacific time, open or closed', () => {
    const since = new Date('2026-01-15T18:00:00Z');
    expect(changedBetweenWhere(since)).toBe("where MetaData.LastUpdatedTime >= '2026-01-15T10:00:00-08:00'");
    expect(changedBetweenWhere(since, new Date('2026-07-01T19:00:01Z'))).toBe("where MetaData.LastUpdatedTime >= '2026-01-15T10:00:00-08:00' and MetaData.LastUpdatedTime < '2026-07-01T12:00:01-07:00'");
  });

  it('quote ids and names as QBO literals', () => {
    expect(idsInWhere(['12', '345'])).toBe("where Id in ('12', '345')");
    expect(byNameQuery("O'Brien \\ Sons")).toBe("where Name = 'O\\'Brien \\\\ Sons' maxresults 1");
  });
});
