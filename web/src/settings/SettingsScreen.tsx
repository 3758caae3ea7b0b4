/**
 * The accounting settings screen, laid out like the FSM's help page: Customer Invoicing, Payments,
 * Bills & Expenses, General Settings. Saving sends only what changed (the API takes partial input), and
 * a refused save shows each field's problem next to that field, plus a summary that links to them.
 */
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { describeError, fieldErrors } from '../errors.js';
import { formatDateTime } from '../format.js';
import {
  type AccountOptionFragment,
  type AccountingSettingsFormFragment,
  type AccountingSettingsInput,
  AccountingSettingsScreenDocument,
  type InvoiceReferenceField,
  QuickBooksConnectionDocument,
  RefreshChartOfAccountsDocument,
  SaveAccountingSettingsDocument,
  type TeamTrackingCategory,
} from '../generated/graphql.js';
import { Link } from '../router.js';
import { AccountSelect } from './AccountSelect.js';
import {
  ACCOUNT_SETTING_IDS,
  type AccountSettingId,
  INVOICE_REFERENCE_LABELS,
  type OtherSettingId,
  SETTING_GROUPS,
  TRACKING_CATEGORY_LABELS,
} from './setting-definitions.js';

interface FormState {
  accounts: Record<AccountSettingId, string>;
  invoiceReferenceField: InvoiceReferenceField | '';
  paymentMethodFromAccounts: string;
  pushSupplierInvoicesAsAwaitingApproval: boolean;
  teamTrackingCategory: TeamTrackingCategory;
  accountingStartDate: string;
  relaxAccountSelectionRestrictions: boolean;
}

function formFromSettings(s: AccountingSettingsFormFragment): FormState {
  const accounts = {} as Record<AccountSettingId, string>;
  for (const id of ACCOUNT_SETTING_IDS) accounts[id] = s[id] ?? '';
  return {
    accounts,
    invoiceReferenceField: s.invoiceReferenceField ?? '',
    paymentMethodFromAccounts: s.paymentMethodFromAccounts ?? '',
    pushSupplierInvoicesAsAwaitingApproval: s.pushSupplierInvoicesAsAwaitingApproval,
    teamTrackingCategory: s.teamTrackingCategory,
    accountingStartDate: s.accountingStartDate ?? '',
    relaxAccountSelectionRestrictions: s.relaxAccountSelectionRestrictions,
  };
}

/** The partial input the API takes: only changed fields; an emptied field is sent as null (cleared). */
function changes(saved: FormState, form: FormState): AccountingSettingsInput {
  const input: AccountingSettingsInput = {};
  for (const id of ACCOUNT_SETTING_IDS) if (form.accounts[id] !== saved.accounts[id]) input[id] = form.accounts[id] || null;
  if (form.invoiceReferenceField !== saved.invoiceReferenceField) input.invoiceReferenceField = form.invoiceReferenceField || null;
  if (form.paymentMethodFromAccounts !== saved.paymentMethodFromAccounts) input.paymentMethodFromAccounts = form.paymentMethodFromAccounts || null;
  if (form.pushSupplierInvoicesAsAwaitingApproval !== saved.pushSupplierInvoicesAsAwaitingApproval)
    input.pushSupplierInvoicesAsAwaitingApproval = form.pushSupplierInvoicesAsAwaitingApproval;
  if (form.teamTrackingCategory !== saved.teamTrackingCategory) input.teamTrackingCategory = form.teamTrackingCategory;
  if (form.accountingStartDate !== saved.accountingStartDate) input.accountingStartDate = form.accountingStartDate || null;
  // Always sent with accounts: the API judges the accounts of an input by the relax flag in the same input.
  if (form.relaxAccountSelectionRestrictions !== saved.relaxAccountSelectionRestrictions || Object.keys(input).length > 0)
    input.relaxAccountSelectionRestrictions = form.relaxAccountSelectionRestrictions;
  return input;
}

type AccountObjectKey<T> = T extends `${infer K}Id` ? K : never;

/** The saved Account object of a setting (`paymentsAccountId` -> `paymentsAccount`). */
function savedAccount(s: AccountingSettingsFormFragment, id: AccountSettingId): AccountOptionFragment | null | undefined {
  return s[id.slice(0, -2) as AccountObjectKey<AccountSettingId>];
}

const LABELS: Record<string, string> = Object.fromEntries(SETTING_GROUPS.flatMap((g) => g.settings.map((s) => [s.id, s.label])));

export function SettingsScreen(): ReactNode {
  const query = useQuery(AccountingSettingsScreenDocument, { fetchPolicy: 'cache-and-network' });
  const connection = useQuery(QuickBooksConnectionDocument);
  const settings = query.data?.accountingSettings;
  const [form, setForm] = useState<FormState | null>(null);
  const [saved, setSaved] = useState<FormState | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [save, saving] = useMutation(SaveAccountingSettingsDocument);
  const summaryRef = useRef<HTMLDivElement>(null);

  // Take the server's settings as the form's starting point, once (later refetches must not wipe edits).
  useEffect(() => {
    if (settings && !form) {
      const initial = formFromSettings(settings);
      setForm(initial);
      setSaved(initial);
    }
  }, [settings, form]);

  useEffect(() => {
    if (Object.keys(errors).length > 0) summaryRef.current?.focus();
  }, [errors]);

  // A sync issue's "Open … in Accounting settings" links here with the setting's id as the hash: take
  // the user to that field once the form is on the page, and mark it.
  const formReady = form !== null;
  useEffect(() => {
    const target = formReady && window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    if (!target) return;
    target.scrollIntoView({ block: 'center' });
    target.focus();
    target.closest('.field')?.classList.add('highlight');
  }, [formReady]);

  if (query.error && !settings) return <p className="banner error" role="alert">{describeError(query.error)}</p>;
  if (!form || !saved || !settings) return <p aria-busy="true">Loading the settings…</p>;

  const pending = changes(saved, form);
  const dirty = Object.keys(pending).length > 0;
  const setAccount = (id: AccountSettingId, value: string) => setForm({ ...form, accounts: { ...form.accounts, [id]: value } });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMessage(null);
    if (!dirty) {
      setErrors({});
      setMessage({ kind: 'success', text: 'Nothing changed since the last save.' });
      return;
    }
    try {
      const { data } = await save({ variables: { input: pending } });
      if (data) {
        const next = formFromSettings(data.updateAccountingSettings);
        setForm(next);
        setSaved(next);
      }
      setErrors({});
      setMessage({ kind: 'success', text: 'Accounting settings saved.' });
    } catch (e) {
      const byField = fieldErrors(e);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setMessage({ kind: 'error', text: describeError(e) });
    }
  };

  const notApplicable = new Map(settings.notApplicableToQuickBooks.map((n) => [n.setting, n.reason]));
  const status = connection.data?.quickBooksConnection.status;
  const errorEntries = Object.entries(errors);

  return (
    <section aria-labelledby="settings-title">
      <div className="title-row">
        <h1 id="settings-title">Accounting settings</h1>
        <RefreshChartButton />
      </div>
      {status && status !== 'CONNECTED' && (
        <p className="banner warning">
          QuickBooks is not connected: the account lists show the last chart of accounts read, if any. <Link to="/connection">Connect QuickBooks</Link>
        </p>
      )}
      <p className="lead">Tell fieldbooks which QuickBooks account each kind of transaction goes to, then save.</p>
      {errorEntries.length > 0 && (
        <div className="banner error" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">Nothing was saved: fix {errorEntries.length === 1 ? 'this setting' : `these ${errorEntries.length} settings`}</h2>
          <ul>
            {errorEntries.map(([field, text]) => (
              <li key={field}>
                <a
                  href={`#${field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    document.getElementById(field)?.focus();
                  }}
                >
                  {LABELS[field] ?? field}
                </a>
                : {text}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate className="settings-form">
        {SETTING_GROUPS.map((group) => (
          <fieldset key={group.title} className="card">
            <legend>{group.title}</legend>
            {group.settings.map((def) =>
              def.kind === 'account' ? (
                <AccountSelect
                  key={def.id}
                  id={def.id}
                  label={def.label}
                  help={def.help}
                  purpose={def.purpose}
                  relaxed={form.relaxAccountSelectionRestrictions}
                  value={form.accounts[def.id]}
                  known={savedAccount(settings, def.id)}
                  error={errors[def.id]}
                  problem={form.accounts[def.id] === saved.accounts[def.id] ? settings.accountProblems.find((p) => `${p.setting}Id` === def.id)?.message : undefined}
                  onChange={(v) => setAccount(def.id, v)}
                />
              ) : (
                <OtherSetting
                  key={def.id}
                  def={def}
                  form={form}
                  setForm={setForm}
                  error={errors[def.id]}
                  notApplicable={notApplicable.get(def.id)}
                  paymentMethods={(query.data?.paymentMethods.edges ?? []).map((e) => e.node)}
                />
              ),
            )}
          </fieldset>
        ))}
        <div className="form-footer">
          <button type="submit" className="primary" disabled={saving.loading}>
            {saving.loading ? 'Saving…' : 'Save Accounting Settings'}
          </button>
          {dirty && <span className="muted">Unsaved changes</span>}
          {message && (
            <span className={message.kind === 'error' ? 'field-error' : 'ok-text'} role={message.kind === 'error' ? 'alert' : 'status'}>
              {message.text}
            </span>
          )}
          {settings.updatedAt && (
            <span className="muted small">
              Last saved {formatDateTime(settings.updatedAt)}
              {settings.updatedBy ? ` with key ${settings.updatedBy.apiKeyLabel ?? ''} ${settings.updatedBy.apiKeyPrefix}…` : ''}
            </span>
          )}
        </div>
      </form>
    </section>
  );
}

function OtherSetting(props: {
  def: { id: OtherSettingId; label: string; help: string };
  form: FormState;
  setForm: (f: FormState) => void;
  error?: string;
  notApplicable?: string;
  paymentMethods: { externalId: string; name: string; active: boolean }[];
}): ReactNode {
  const { def, form, setForm, error } = props;
  const helpId = `${def.id}-help`;
  const errorId = `${def.id}-error`;
  const describedBy = [helpId, props.notApplicable ? `${def.id}-na` : '', error ? errorId : ''].filter(Boolean).join(' ');
  const common = { id: def.id, name: def.id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };

  let control: ReactNode;
  switch (def.id) {
    case 'invoiceReferenceField':
      control = (
        <select {...common} value={form.invoiceReferenceField} onChange={(e) => setForm({ ...form, invoiceReferenceField: e.target.value as InvoiceReferenceField | '' })}>
          <option value="">— Not set —</option>
          {Object.entries(INVOICE_REFERENCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      );
      break;
    case 'paymentMethodFromAccounts': {
      const known = props.paymentMethods.some((m) => m.externalId === form.paymentMethodFromAccounts);
      control = (
        <select {...common} value={form.paymentMethodFromAccounts} onChange={(e) => setForm({ ...form, paymentMethodFromAccounts: e.target.value })}>
          <option value="">— Not set —</option>
          {!known && form.paymentMethodFromAccounts && <option value={form.paymentMethodFromAccounts}>{form.paymentMethodFromAccounts}</option>}
          {props.paymentMethods.map((m) => (
            <option key={m.externalId} value={m.externalId}>
              {m.name}
              {m.active ? '' : ' · inactive'}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'teamTrackingCategory':
      control = (
        <select {...common} value={form.teamTrackingCategory} onChange={(e) => setForm({ ...form, teamTrackingCategory: e.target.value as TeamTrackingCategory })}>
          {Object.entries(TRACKING_CATEGORY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      );
      break;
    case 'accountingStartDate':
      control = <input {...common} type="date" value={form.accountingStartDate} onChange={(e) => setForm({ ...form, accountingStartDate: e.target.value })} />;
      break;
    case 'pushSupplierInvoicesAsAwaitingApproval':
    case 'relaxAccountSelectionRestrictions': {
      const key = def.id;
      return (
        <div className={`field checkbox-field${error ? ' has-error' : ''}`}>
          <input {...common} type="checkbox" checked={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.checked })} />
          <label htmlFor={def.id}>{def.label}</label>
          <p id={helpId} className="help">
            {def.help}
          </p>
          {props.notApplicable && (
            <p id={`${def.id}-na`} className="help note">
              Not used with QuickBooks Online: {props.notApplicable}
            </p>
          )}
          {error && (
            <p id={errorId} className="field-error" data-field-error={def.id}>
              {error}
            </p>
          )}
        </div>
      );
    }
  }
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label htmlFor={def.id}>{def.label}</label>
      {control}
      <p id={helpId} className="help">
        {def.help}
      </p>
      {error && (
        <p id={errorId} className="field-error" data-field-error={def.id}>
          {error}
        </p>
      )}
    </div>
  );
}

/** Re-reads the chart of accounts from QuickBooks now, then reloads every visible account list. */
export function RefreshChartButton(): ReactNode {
  const client = useApolloClient();
  const [refresh, refreshing] = useMutation(RefreshChartOfAccountsDocument);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const run = async () => {
    setResult(null);
    try {
      const { data } = await refresh();
      await client.refetchQueries({ include: 'active' });
      setResult({ ok: true, text: `Chart of accounts refreshed: ${data?.refreshChartOfAccounts.totalCount ?? 0} active accounts.` });
    } catch (e) {
      setResult({ ok: false, text: describeError(e) });
    }
  };
  return (
    <div className="refresh">
      <button type="button" onClick={() => void run()} disabled={refreshing.loading}>
        {refreshing.loading ? 'Refreshing…' : 'Refresh chart of accounts'}
      </button>
      {result && (
        <span className={result.ok ? 'ok-text' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
          {result.text}
        </span>
      )}
    </div>
  );
}
