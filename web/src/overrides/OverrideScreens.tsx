/**
 * Per-record account overrides, each on its own tab as in the FSM: a job type's labour and materials
 * income accounts, a supply's income account, a card payment method's surcharge income account.
 * Each row saves on its own (the API has one mutation per record) and shows its own field errors.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import { describeError, fieldErrors } from '../errors.js';
import {
  type AccountOptionFragment,
  type AccountPurpose,
  AccountingSettingsScreenDocument,
  JobTypeOverridesDocument,
  PaymentMethodOverridesDocument,
  SaveJobTypeAccountsDocument,
  SavePaymentMethodSurchargeAccountDocument,
  SavePaymentMethodSurchargeTaxCodeDocument,
  SaveSupplyIncomeAccountDocument,
  SurchargeTaxCodesDocument,
  SupplyOverridesDocument,
} from '../generated/graphql.js';
import { AccountSelect } from '../settings/AccountSelect.js';

const PAGE_SIZE = 50;

interface Column {
  field: string;
  title: string;
  purpose: AccountPurpose;
  /** A plain choice (a tax code) instead of an account: its options, and what empty means. */
  choices?: { options: { value: string; label: string }[]; emptyLabel: string };
}

interface Row {
  id: string;
  name: string;
  detail: string;
  active: boolean;
  values: Record<string, { id: string | null | undefined; account: AccountOptionFragment | null | undefined }>;
}

/** The saved relax flag decides what the API accepts for overrides (they have no flag of their own). */
function useRelaxed(): boolean {
  const { data } = useQuery(AccountingSettingsScreenDocument);
  return data?.accountingSettings.relaxAccountSelectionRestrictions ?? false;
}

function OverrideTable(props: {
  title: string;
  intro: string;
  noun: string;
  /** "supplies", not "supplys": English plurals are not always noun + s. */
  plural: string;
  columns: Column[];
  rows: Row[] | undefined;
  totalCount: number;
  loading: boolean;
  error: unknown;
  search: string;
  onSearch: (s: string) => void;
  onSave: (rowId: string, values: Record<string, string | null>) => Promise<void>;
  emptyHint: string;
}): ReactNode {
  const relaxed = useRelaxed();
  const headingId = `${props.noun.replace(/\s+/g, '-')}-title`;
  return (
    <section aria-labelledby={headingId}>
      <h1 id={headingId}>{props.title}</h1>
      <p className="lead">{props.intro}</p>
      <div className="toolbar">
        <label htmlFor="override-search">Search {props.plural}</label>
        <input id="override-search" type="search" value={props.search} onChange={(e) => props.onSearch(e.target.value)} />
        {props.rows && (
          <span className="muted" role="status">
            {props.totalCount > props.rows.length ? `Showing ${props.rows.length} of ${props.totalCount}: search to narrow.` : `${props.totalCount} ${props.totalCount === 1 ? props.noun : props.plural}.`}
          </span>
        )}
      </div>
      {props.error !== undefined && props.error !== null && (
        <p className="banner error" role="alert">
          {describeError(props.error)}
        </p>
      )}
      {!props.rows && props.loading && <p aria-busy="true">Loading…</p>}
      {props.rows && props.rows.length === 0 && <p className="card muted">{props.search ? `No ${props.noun} matches that search.` : props.emptyHint}</p>}
      {props.rows && props.rows.length > 0 && (
        <table className="override-table">
          <thead>
            <tr>
              <th scope="col">{props.noun[0]!.toUpperCase() + props.noun.slice(1)}</th>
              {props.columns.map((c) => (
                <th key={c.field} scope="col">
                  {c.title}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <OverrideRow key={row.id} row={row} columns={props.columns} relaxed={relaxed} onSave={props.onSave} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function OverrideRow(props: { row: Row; columns: Column[]; relaxed: boolean; onSave: (rowId: string, values: Record<string, string | null>) => Promise<void> }): ReactNode {
  const { row, columns } = props;
  const savedValues = (): Record<string, string> => Object.fromEntries(columns.map((c) => [c.field, row.values[c.field]?.id ?? '']));
  const [values, setValues] = useState<Record<string, string>>(savedValues);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const rowKey = JSON.stringify(savedValues());
  // A save elsewhere (or a refetch) moves the saved values: start from them again.
  useEffect(() => setValues(JSON.parse(rowKey) as Record<string, string>), [rowKey]);
  const dirty = columns.some((c) => (values[c.field] ?? '') !== (row.values[c.field]?.id ?? ''));

  const save = async () => {
    setSaving(true);
    setStatus(null);
    try {
      // Only changed fields: omitted arguments are left alone by the API, null clears.
      const changed = Object.fromEntries(columns.filter((c) => (values[c.field] ?? '') !== (row.values[c.field]?.id ?? '')).map((c) => [c.field, values[c.field] || null]));
      await props.onSave(row.id, changed);
      setErrors({});
      setStatus({ ok: true, text: 'Saved.' });
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      setStatus({ ok: false, text: Object.keys(byField).length > 0 ? 'Not saved.' : describeError(e) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <tr>
      <th scope="row">
        {row.name}
        {!row.active && <span className="muted"> · inactive</span>}
        <div className="muted small">{row.detail}</div>
      </th>
      {columns.map((c) => (
        <td key={c.field}>
          {c.choices ? (
            <ChoiceSelect id={`${c.field}-${row.id}`} label={`${c.title} for ${row.name}`} column={c} value={values[c.field] ?? ''} error={errors[c.field]} onChange={(v) => setValues({ ...values, [c.field]: v })} />
          ) : (
          <AccountSelect
            id={`${c.field}-${row.id}`}
            label={`${c.title} for ${row.name}`}
            compact
            purpose={c.purpose}
            relaxed={props.relaxed}
            value={values[c.field] ?? ''}
            known={row.values[c.field]?.account}
            error={errors[c.field]}
            onChange={(v) => setValues({ ...values, [c.field]: v })}
          />
          )}
        </td>
      ))}
      <td className="row-actions">
        <button type="button" onClick={() => void save()} disabled={saving || !dirty} aria-label={`Save ${row.name}`}>
          {saving ? 'Saving…' : 'Save'}
        </button>
        {status && (
          <span className={status.ok ? 'ok-text' : 'field-error'} role={status.ok ? 'status' : 'alert'}>
            {status.text}
          </span>
        )}
      </td>
    </tr>
  );
}

/** A select of plain values (a tax code name), with its field error under it. A saved value the list no longer has stays shown. */
function ChoiceSelect(props: { id: string; label: string; column: Column; value: string; error: string | undefined; onChange: (v: string) => void }): ReactNode {
  const choices = props.column.choices!;
  const options = props.value && !choices.options.some((o) => o.value === props.value) ? [...choices.options, { value: props.value, label: props.value }] : choices.options;
  const errorId = `${props.id}-error`;
  return (
    <>
      <label htmlFor={props.id} className="visually-hidden">
        {props.label}
      </label>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-invalid={props.error ? true : undefined} aria-describedby={props.error ? errorId : undefined}>
        <option value="">{choices.emptyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error && (
        <p id={errorId} className="field-error small">
          {props.error}
        </p>
      )}
    </>
  );
}

function useSearch(): [string, string, (s: string) => void] {
  const [search, setSearch] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setTerm(search.trim()), 250);
    return () => clearTimeout(t);
  }, [search]);
  return [search, term, setSearch];
}

export function JobTypesScreen(): ReactNode {
  const [search, term, setSearch] = useSearch();
  const q = useQuery(JobTypeOverridesDocument, { variables: { search: term || null, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const [save] = useMutation(SaveJobTypeAccountsDocument);
  const data = q.data ?? q.previousData;
  return (
    <OverrideTable
      title="Job type accounts"
      intro="A job type can send its labour and materials income to its own accounts, e.g. Domestic jobs to Domestic Labour and Domestic Materials. Empty uses the default accounts."
      noun="job type"
      plural="job types"
      columns={[
        { field: 'labourIncomeAccountId', title: 'Labour income account', purpose: 'LABOUR_INCOME' },
        { field: 'materialsIncomeAccountId', title: 'Materials income account', purpose: 'SUPPLIES_INCOME' },
      ]}
      rows={data?.jobTypes.edges.map(({ node: n }) => ({
        id: n.id,
        name: n.name,
        detail: `FSM id ${n.externalId}`,
        active: n.active,
        values: {
          labourIncomeAccountId: { id: n.labourIncomeAccountId, account: n.labourIncomeAccount },
          materialsIncomeAccountId: { id: n.materialsIncomeAccountId, account: n.materialsIncomeAccount },
        },
      }))}
      totalCount={data?.jobTypes.totalCount ?? 0}
      loading={q.loading}
      error={q.error}
      search={search}
      onSearch={setSearch}
      onSave={async (jobTypeId, v) => {
        await save({ variables: { jobTypeId, ...v } });
      }}
      emptyHint="No job types yet: the FSM creates them with the upsertJobType mutation."
    />
  );
}

export function SuppliesScreen(): ReactNode {
  const [search, term, setSearch] = useSearch();
  const q = useQuery(SupplyOverridesDocument, { variables: { search: term || null, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const [save] = useMutation(SaveSupplyIncomeAccountDocument);
  const data = q.data ?? q.previousData;
  return (
    <OverrideTable
      title="Supply income accounts"
      intro="A supply can send its income to its own account, e.g. hire of a piece of equipment. It wins over the job type’s and the default account."
      noun="supply"
      plural="supplies"
      columns={[{ field: 'incomeAccountId', title: 'Income account', purpose: 'SUPPLIES_INCOME' }]}
      rows={data?.supplies.edges.map(({ node: n }) => ({
        id: n.id,
        name: n.name,
        detail: `${n.code ? `Code ${n.code} · ` : ''}FSM id ${n.externalId}`,
        active: n.active,
        values: { incomeAccountId: { id: n.incomeAccountId, account: n.incomeAccount } },
      }))}
      totalCount={data?.supplies.totalCount ?? 0}
      loading={q.loading}
      error={q.error}
      search={search}
      onSearch={setSearch}
      onSave={async (supplyId, v) => {
        await save({ variables: { supplyId, ...v } });
      }}
      emptyHint="No supplies yet: the FSM creates them with the upsertSupply mutation."
    />
  );
}

export function PaymentMethodsScreen(): ReactNode {
  const [search, term, setSearch] = useSearch();
  const q = useQuery(PaymentMethodOverridesDocument, { variables: { search: term || null, first: PAGE_SIZE }, fetchPolicy: 'cache-and-network' });
  const [save] = useMutation(SavePaymentMethodSurchargeAccountDocument);
  const [saveTaxCode] = useMutation(SavePaymentMethodSurchargeTaxCodeDocument);
  // Tax codes by QuickBooks name (what the API stores), active ones only.
  const taxCodes = useQuery(SurchargeTaxCodesDocument);
  const taxOptions = (taxCodes.data?.taxCodes ?? []).map((t) => ({ value: t.name, label: t.description ? `${t.name} (${t.description})` : t.name }));
  const data = q.data ?? q.previousData;
  return (
    <OverrideTable
      title="Payment method surcharge accounts"
      intro="Card surcharges are recorded as income on the payment method’s surcharge account, with its surcharge tax code (empty: the tax code of the invoices paid); card payments go to the card clearing account."
      noun="payment method"
      plural="payment methods"
      columns={[
        { field: 'surchargeIncomeAccountId', title: 'Surcharge income account', purpose: 'SURCHARGE_INCOME' },
        { field: 'surchargeTaxCode', title: 'Surcharge tax code', purpose: 'SURCHARGE_INCOME', choices: { options: taxOptions, emptyLabel: 'Same as the invoices paid' } },
      ]}
      rows={data?.paymentMethods.edges.map(({ node: n }) => ({
        id: n.id,
        name: n.name,
        detail: `${n.isCard ? 'Card · ' : ''}FSM id ${n.externalId}`,
        active: n.active,
        values: {
          surchargeIncomeAccountId: { id: n.surchargeIncomeAccountId, account: n.surchargeIncomeAccount },
          surchargeTaxCode: { id: n.surchargeTaxCode, account: null },
        },
      }))}
      totalCount={data?.paymentMethods.totalCount ?? 0}
      loading={q.loading}
      error={q.error}
      search={search}
      onSearch={setSearch}
      onSave={async (paymentMethodId, v) => {
        // Two mutations: the account, then the tax code (each saves only when it changed).
        if ('surchargeIncomeAccountId' in v) await save({ variables: { paymentMethodId, surchargeIncomeAccountId: v.surchargeIncomeAccountId ?? null } });
        if ('surchargeTaxCode' in v) await saveTaxCode({ variables: { paymentMethodId, taxCode: v.surchargeTaxCode ?? null } });
      }}
      emptyHint="No payment methods yet: the FSM creates them with the upsertPaymentMethod mutation."
    />
  );
}
