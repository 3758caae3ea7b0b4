/**
 * Records and QuickBooks objects described the way a bookkeeper knows them (kind, number, name, date,
 * amount), for the messages and LINK candidates of matching and go-live issues. Pure.
 */
import { type LedgerRecord } from '../ledger/ledger-record.types.js';
import { type QboEntity, type QboRecord } from '../providers/quickbooks/qbo.client.js';
import { fromQboAmount, money } from '../money/money.js';
import { type LinkCandidate } from './sync.errors.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-03-02" → "2 Mar 2026" (anything else is returned as given). */
export function humanDate(date: unknown): string {
  const text = typeof date === 'string' ? date : '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!match) return text;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

const NOUNS: Partial<Record<QboEntity, string>> = { Customer: 'customer', Vendor: 'supplier', Invoice: 'invoice', CreditMemo: 'credit memo', Bill: 'bill', Payment: 'payment', Purchase: 'expense', SalesReceipt: 'sales receipt' };

export function entityNoun(entity: QboEntity): string {
  return NOUNS[entity] ?? entity.toLowerCase();
}

/** An FSM record in words: `customer "Harbour Dental Group"`, `invoice 1001 (2 Mar 2026, 165.00)`. */
export function describeRecord(record: LedgerRecord): string {
  switch (record.kind) {
    case 'customer':
      return `FSM customer "${record.displayName}"`;
    case 'supplier':
      return `FSM supplier "${record.displayName}"`;
    case 'invoice':
      return `FSM invoice ${record.number} (${humanDate(record.date)}, ${record.total})`;
    case 'creditNote':
      return `FSM credit note ${record.number} (${humanDate(record.date)}, ${record.total})`;
    case 'supplierInvoice':
      return `FSM supplier invoice ${record.number} (${humanDate(record.date)}, ${record.total})`;
    default:
      return `FSM ${record.kind} ${record.externalId} (${humanDate(record.date)})`;
  }
}

/** A QBO field as text, or `fallback` when it is missing or not a plain value. */
export function qboText(value: unknown, fallback: string): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : fallback;
}

/** A QuickBooks object as a LINK candidate: "Invoice 1042 · Harbour Dental Group · 2 Mar 2026 · 165.00 (open 65.00)". */
export function candidateOf(entity: QboEntity, row: QboRecord): LinkCandidate {
  const ref = (row.CustomerRef ?? row.VendorRef) as { name?: string; value?: string } | undefined;
  if (entity === 'Customer' || entity === 'Vendor') {
    const email = (row.PrimaryEmailAddr as { Address?: string } | undefined)?.Address;
    return { remoteId: row.Id, label: `${entity === 'Customer' ? 'Customer' : 'Supplier'} ${qboText(row.DisplayName, row.Id)}${email ? ` (${email})` : ''}` };
  }
  const parts = [`${entityNoun(entity).replace(/^./, (c) => c.toUpperCase())} ${qboText(row.DocNumber, `Id ${row.Id}`)}`];
  if (ref?.name ?? ref?.value) parts.push(String(ref.name ?? ref.value));
  if (row.TxnDate) parts.push(humanDate(row.TxnDate));
  if (row.TotalAmt !== undefined) {
    const balance = row.Balance !== undefined ? fromQboAmount(row.Balance) : undefined;
    const total = fromQboAmount(row.TotalAmt);
    parts.push(balance && !balance.eq(total) ? `${money(total)} (open ${money(balance)})` : money(total));
  }
  return { remoteId: row.Id, label: parts.join(' · ') };
}
