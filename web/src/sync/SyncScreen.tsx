/**
 * The sync screen: start a push (scope, dry run), watch it live through `syncProgress` (a progress bar
 * with counts, rate and ETA), how the last run went (succeeded, partly failed, failed, dry run) with
 * counts per kind, the run history, and the open sync issues: the record in a bookkeeper's terms, the
 * fix hint and the actions the gateway offers for it (retry, ignore, open the setting, link...), and the
 * customers and invoices entered in QuickBooks after the import, to link (or import) before a push duplicates them. If the gateway has no sync API (an older gateway), the screen says so instead of
 * failing: the check is the gateway's own answer to the sync query (GRAPHQL_VALIDATION_FAILED).
 */
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { describeError, errorCode } from '../errors.js';
import { formatDateTime, formatDuration } from '../format.js';
import {
  CancelSyncDocument,
  type CreatedRecordRowFragment,
  ImportCreatedCustomerDocument,
  LinkCreatedCustomerDocument,
  LinkCreatedInvoiceDocument,
  QuickBooksCreatedRecordsScreenDocument,
  type QuickBooksCreatedRecordsScreenQuery,
  PerformIssueActionDocument,
  type SyncIssueAction,
  type SyncRunOutcome,
  StartSyncRunDocument,
  type StartSyncRunMutation,
  SyncProgressUpdatesDocument,
  type SyncProgressUpdatesSubscription,
  type SyncIssueRowFragment,
  type SyncKind,
  type SyncRunRowFragment,
  SyncScreenDocument,
  type SyncScreenQuery,
} from '../generated/graphql.js';
import { Link } from '../router.js';

/**
 * Every kind of the schema's SyncKind (a Record, so a new kind fails the type check until it is named
 * here), in the order the engine pushes them. Dependencies (a payment's invoice, its customer) come along.
 */
const SCOPE_LABELS: Record<SyncKind, string> = {
  CUSTOMER: 'Customers',
  SUPPLIER: 'Suppliers',
  INVOICE: 'Invoices',
  CREDIT_NOTE: 'Credit notes',
  PAYMENT: 'Payments',
  BAD_DEBT_WRITE_OFF: 'Bad debt write-offs',
  SUPPLIER_INVOICE: 'Supplier invoices',
  EXPENSE: 'Expenses',
};
const SCOPES = Object.entries(SCOPE_LABELS).map(([kind, label]) => ({ kind: kind as SyncKind, label }));

const STATUS_LABELS: Record<SyncRunRowFragment['status'], string> = {
  QUEUED: 'Queued',
  RUNNING: 'Running',
  SUCCEEDED: 'Succeeded',
  PARTIALLY_FAILED: 'Partly failed',
  FAILED: 'Failed',
  CANCELLED: 'Cancelled',
};

const OUTCOME_LABELS: Record<SyncRunOutcome, string> = {
  SUCCEEDED: 'Succeeded',
  PARTLY_FAILED: 'Partly failed',
  FAILED: 'Failed',
  DRY_RUN: 'Dry run: nothing was sent',
  CANCELLED: 'Cancelled',
};

/** A run's badge: how it went once finished, else its state (a dry run never reads like a push). */
function runBadge(run: { status: SyncRunRowFragment['status']; outcome?: SyncRunOutcome | null; dryRun?: boolean }): { label: string; className: string } {
  if (run.outcome) return { label: OUTCOME_LABELS[run.outcome], className: `badge badge-${run.outcome.toLowerCase().replace('_', '-')}` };
  const label = STATUS_LABELS[run.status];
  return { label: run.dryRun ? `${label} (dry run)` : label, className: `badge badge-${run.status.toLowerCase()}` };
}

type Progress = SyncProgressUpdatesSubscription['syncProgress'];

export function SyncScreen(): ReactNode {
  const screen = useQuery(SyncScreenDocument, { variables: { runs: 10, issues: 50 }, fetchPolicy: 'cache-and-network' });
  const [live, setLive] = useState<Progress | null>(null);
  useSubscription(SyncProgressUpdatesDocument, {
    onData: ({ data }) => {
      const p = data.data?.syncProgress;
      if (!p) return;
      setLive(p);
      // The final event closes a run: history and issues changed with it.
      if (p.final) void screen.refetch();
    },
  });

  // While a run is active, re-read the stored runs every few seconds as well: if the WebSocket drops,
  // the screen still reaches the final status instead of showing "Running" forever.
  const active = (screen.data?.syncRuns.edges ?? []).some((e) => e.node.status === 'QUEUED' || e.node.status === 'RUNNING');
  const { refetch } = screen;
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => void refetch(), 3000);
    return () => clearInterval(timer);
  }, [active, refetch]);

  if (errorCode(screen.error) === 'GRAPHQL_VALIDATION_FAILED') {
    return (
      <section aria-labelledby="sync-title">
        <h1 id="sync-title">Sync</h1>
        <p className="banner warning" role="status" data-testid="sync-unavailable">
          The sync API is not available on this gateway yet (it does not know the syncRuns query). Update the gateway to start syncs from here.
        </p>
      </section>
    );
  }

  const runs = (screen.data ?? screen.previousData)?.syncRuns.edges.map((e) => e.node) ?? [];
  const issues = (screen.data ?? screen.previousData)?.syncIssues;
  const latest = runs[0];
  const current: Progress | SyncRunRowFragment | undefined = pickCurrent(live, latest);

  return (
    <section aria-labelledby="sync-title">
      <h1 id="sync-title">Sync</h1>
      <p className="lead">Push the field-service app’s records (customers, invoices, payments...) to QuickBooks now, and fix what QuickBooks refused.</p>
      {screen.error && !screen.data && (
        <p className="banner error" role="alert">
          {describeError(screen.error)}
        </p>
      )}
      <div className="sync-grid">
        <StartSyncForm onStarted={() => void screen.refetch()} />
        <div className="card" aria-labelledby="progress-title">
          <h2 id="progress-title">Progress</h2>
          {current ? <ProgressView progress={current} /> : <p className="muted">No sync has run yet.</p>}
        </div>
      </div>
      <IssuesList issues={issues?.edges.map((e) => e.node) ?? []} total={issues?.totalCount ?? 0} onRetried={() => void screen.refetch()} />
      <QuickBooksCreatedRecords />
      <QuickBooksChanges changes={(screen.data ?? screen.previousData)?.quickBooksChanges.edges.map((e) => e.node) ?? []} />
      <RunHistory runs={runs} total={(screen.data ?? screen.previousData)?.syncRuns.totalCount ?? 0} />
    </section>
  );
}

/** Live events win for the run they describe, unless the stored run has already finished past them. */
function pickCurrent(live: Progress | null, latest: SyncRunRowFragment | undefined): Progress | SyncRunRowFragment | undefined {
  if (!live) return latest;
  if (!latest) return live;
  if (live.runId !== latest.id) return live.at > latest.queuedAt ? live : latest;
  // A finished run as stored says how it went (outcome, dry run, counts per kind): it wins once there.
  const stored = latest.status !== 'QUEUED' && latest.status !== 'RUNNING';
  return stored ? latest : live;
}

function StartSyncForm(props: { onStarted: () => void }): ReactNode {
  const [scope, setScope] = useState<SyncKind[]>([]);
  const [dryRun, setDryRun] = useState(false);
  const [start, starting] = useMutation(StartSyncRunDocument);
  const [error, setError] = useState<string | null>(null);
  const [needsConnection, setNeedsConnection] = useState(false);
  const [dry, setDry] = useState<StartSyncRunMutation['startSync'] | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDry(null);
    try {
      const { data } = await start({ variables: { input: { scope: scope.length > 0 ? scope : null, dryRun } } });
      if (data?.startSync.dryRun) setDry(data.startSync);
      props.onStarted();
    } catch (e) {
      const code = errorCode(e);
      setError(describeError(e));
      setNeedsConnection(code === 'QUICKBOOKS_NOT_CONNECTED' || code === 'QUICKBOOKS_RECONNECT_REQUIRED');
    }
  };

  return (
    <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="start-title">
      <h2 id="start-title">Start a sync</h2>
      <fieldset className="plain">
        <legend>What to push</legend>
        <p className="help" id="scope-help">
          Nothing ticked pushes everything pending. Records a choice depends on (an invoice’s customer) are pushed too; kinds
          this gateway does not push yet are left out of the run.
        </p>
        <div className="scope-grid">
        {SCOPES.map((s) => (
          <div key={s.kind} className="checkbox-field">
            <input
              type="checkbox"
              id={`scope-${s.kind}`}
              checked={scope.includes(s.kind)}
              aria-describedby="scope-help"
              onChange={(e) => setScope(e.target.checked ? [...scope, s.kind] : scope.filter((k) => k !== s.kind))}
            />
            <label htmlFor={`scope-${s.kind}`}>{s.label}</label>
          </div>
        ))}
        </div>
      </fieldset>
      <div className="checkbox-field">
        <input type="checkbox" id="dry-run" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} aria-describedby="dry-run-help" />
        <label htmlFor="dry-run">Dry run</label>
        <p className="help" id="dry-run-help">
          Shows exactly what would be sent to QuickBooks, and sends nothing.
        </p>
      </div>
      <button type="submit" className="primary" disabled={starting.loading}>
        {starting.loading ? 'Starting…' : dryRun ? 'Preview sync' : 'Start sync'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error} {needsConnection && <Link to="/connection">Go to the connection screen</Link>}
        </p>
      )}
      {dry && <DryRunResult run={dry} />}
    </form>
  );
}

function DryRunResult(props: { run: StartSyncRunMutation['startSync'] }): ReactNode {
  const payloads = props.run.dryRunPayloads;
  return (
    <div className="dry-run" role="status">
      <h3>Dry run: {payloads.length === 0 ? 'nothing would be sent' : `${payloads.length} request${payloads.length === 1 ? '' : 's'} would be sent`}</h3>
      <ul>
        {payloads.map((p) => (
          <li key={`${p.kind}-${p.recordId}-${p.operation}`}>
            <details>
              <summary>
                {p.operation} {p.entity} <span className="muted">({p.kind.toLowerCase()} {p.recordId})</span>
              </summary>
              <pre>{JSON.stringify(p.payload, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ProgressView(props: { progress: Progress | SyncRunRowFragment }): ReactNode {
  const p = props.progress;
  const done = !['QUEUED', 'RUNNING'].includes(p.status);
  const stored = 'outcome' in p ? p : null;
  // A finished run shows what went through, not how far it got: a run that failed every record is an
  // empty red bar, never a full green one.
  const through = p.succeeded + p.skipped;
  const percent = p.total === 0 ? (done && p.status === 'SUCCEEDED' ? 100 : 0) : Math.floor(((done ? through : p.processed) / p.total) * 100);
  const outcome: SyncRunOutcome | null = stored?.outcome ?? (done ? (p.status === 'PARTIALLY_FAILED' ? 'PARTLY_FAILED' : p.status === 'SUCCEEDED' ? 'SUCCEEDED' : p.status === 'CANCELLED' ? 'CANCELLED' : 'FAILED') : null);
  const dryRun = stored?.dryRun === true || outcome === 'DRY_RUN';
  const badge = runBadge({ status: p.status, outcome: dryRun && done ? 'DRY_RUN' : outcome, dryRun });
  const rate = 'ratePerMinute' in p ? p.ratePerMinute : null;
  const eta = 'etaSeconds' in p ? p.etaSeconds : null;
  const barClass = dryRun ? 'bar-dry-run' : outcome ? `bar-${outcome.toLowerCase().replace('_', '-')}` : 'bar-running';
  const caption = !done
    ? `${p.processed} of ${p.total} records (${percent}%)`
    : dryRun
      ? `${p.total} record${p.total === 1 ? '' : 's'} previewed; nothing was sent to QuickBooks`
      : `${through} of ${p.total} records went through (${percent}%)`;
  return (
    <div className="progress" data-testid="sync-progress" data-status={p.status} data-outcome={dryRun && done ? 'DRY_RUN' : (outcome ?? '')}>
      <p>
        <strong className={badge.className}>{badge.label}</strong> <span className="muted">{p.phase}</span>
      </p>
      <label htmlFor="sync-progress-bar">{caption}</label>
      <progress id="sync-progress-bar" className={barClass} max={100} value={percent} aria-valuetext={`${percent}%`}>
        {percent}%
      </progress>
      <ul className="counts">
        <li>
          <span className="count ok-text">{p.succeeded}</span> {dryRun ? 'would be sent' : 'sent'}
        </li>
        <li>
          <span className={p.failed > 0 ? 'count field-error' : 'count'}>{p.failed}</span> failed
        </li>
        <li>
          <span className="count">{p.blocked}</span> waiting for another record
        </li>
        <li>
          <span className="count">{p.skipped}</span> skipped (before the accounting start date, or nothing to send)
        </li>
      </ul>
      {stored && stored.kindCounts.length > 0 && <KindCounts counts={stored.kindCounts} dryRun={dryRun} />}
      {!done && (
        <p className="muted">
          {rate !== null ? `${Math.round(rate)} records/min` : ''}
          {eta !== null && eta !== undefined ? ` · about ${formatDuration(eta)} left` : ''}
          {p.currentRecord ? ` · now: ${p.currentRecord}` : ''}
        </p>
      )}
    </div>
  );
}

function KindCounts(props: { counts: SyncRunRowFragment['kindCounts']; dryRun: boolean }): ReactNode {
  return (
    <table className="kind-counts" data-testid="kind-counts">
      <caption className="visually-hidden">Records of the run by kind</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col">{props.dryRun ? 'Would be sent' : 'Sent'}</th>
          <th scope="col">Failed</th>
          <th scope="col">Waiting</th>
          <th scope="col">Skipped</th>
        </tr>
      </thead>
      <tbody>
        {props.counts.map((k) => (
          <tr key={k.kind}>
            <th scope="row">{SCOPE_LABELS[k.kind]}</th>
            <td>{k.succeeded}</td>
            <td className={k.failed > 0 ? 'field-error' : undefined}>{k.failed}</td>
            <td>{k.blocked}</td>
            <td>{k.skipped}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** How each action reads on its button. */
const ACTION_LABELS: Record<SyncIssueAction, string> = {
  RETRY: 'Retry',
  RECREATE: 'Recreate in QuickBooks',
  LINK: 'Link',
  IGNORE: 'Ignore',
  OPEN_SETTINGS: 'Send again',
  VOID_IN_FSM: 'Void in the field-service app',
  PUSH: 'Push to QuickBooks',
};

const ACTION_DONE: Record<SyncIssueAction, string> = {
  RETRY: 'Sent again.',
  RECREATE: 'Recreated in QuickBooks.',
  LINK: 'Linked.',
  IGNORE: 'Ignored: the record stays out of QuickBooks until it changes.',
  OPEN_SETTINGS: 'Sent again.',
  VOID_IN_FSM: 'Voided in the field-service app.',
  PUSH: 'Pushed to QuickBooks.',
};

function IssuesList(props: { issues: SyncIssueRowFragment[]; total: number; onRetried: () => void }): ReactNode {
  return (
    <div className="card" aria-labelledby="issues-title">
      <h2 id="issues-title">Open sync issues {props.total > 0 && <span className="count-pill">{props.total}</span>}</h2>
      {props.issues.length === 0 ? (
        <p className="muted">No open issues.</p>
      ) : (
        <ul className="issues">
          {props.issues.map((i) => (
            <IssueItem key={i.id} issue={i} onDone={props.onRetried} />
          ))}
        </ul>
      )}
    </div>
  );
}

function IssueItem(props: { issue: SyncIssueRowFragment; onDone: () => void }): ReactNode {
  const i = props.issue;
  const [perform] = useMutation(PerformIssueActionDocument);
  const [state, setState] = useState<{ busy?: boolean; text?: string; ok?: boolean }>({});
  const [candidate, setCandidate] = useState(i.candidates[0]?.remoteId ?? '');
  const run = async (action: SyncIssueAction) => {
    setState({ busy: true });
    try {
      await perform({ variables: { input: { issueId: i.id, action, remoteId: action === 'LINK' ? candidate : null } } });
      setState({ ok: true, text: ACTION_DONE[action] });
      props.onDone();
    } catch (e) {
      setState({ ok: false, text: describeError(e) });
    }
  };
  const headingId = `issue-${i.id}-title`;
  return (
    <li className="issue" data-testid="sync-issue" data-code={i.code} aria-labelledby={headingId}>
      <p>
        <strong id={headingId}>{i.record.label}</strong>
        {i.occurrences > 1 && <span className="muted"> · {i.occurrences} times</span>}
      </p>
      <p>{i.message}</p>
      {i.blockedBy && <p className="help">Waiting for: {i.blockedBy.label}</p>}
      <p className="help">
        <strong>How to fix:</strong> {i.fixHint}
      </p>
      {i.quickBooksFault && <p className="help">QuickBooks said: {i.quickBooksFault}</p>}
      <div className="issue-actions">
        {i.actions.includes('OPEN_SETTINGS') && i.setting && (
          <Link to={`/settings#${i.setting}`} className="button-link">
            Open “{i.settingLabel ?? i.setting}” in Accounting settings
          </Link>
        )}
        {i.actions.includes('LINK') && i.candidates.length > 0 && (
          <span className="link-choice">
            <label htmlFor={`link-${i.id}`}>Link to</label>{' '}
            <select id={`link-${i.id}`} value={candidate} onChange={(e) => setCandidate(e.target.value)}>
              {i.candidates.map((c) => (
                <option key={c.remoteId} value={c.remoteId}>
                  {c.label}
                </option>
              ))}
            </select>
          </span>
        )}
        {i.actions.map((action) => (
          <button key={action} type="button" className={action === 'IGNORE' ? undefined : 'primary'} onClick={() => void run(action)} disabled={state.busy} aria-describedby={headingId}>
            {ACTION_LABELS[action]}
          </button>
        ))}
        {state.text && (
          <span className={state.ok ? 'ok-text' : 'field-error'} role={state.ok ? 'status' : 'alert'}>
            {' '}
            {state.text}
          </span>
        )}
      </div>
      <p className="muted small">Code {i.code}</p>
    </li>
  );
}

/** What people changed in QuickBooks and how the field-service app followed (payments recorded, invoices voided...). */
function QuickBooksChanges(props: { changes: SyncScreenQuery['quickBooksChanges']['edges'][number]['node'][] }): ReactNode {
  return (
    <div className="card" aria-labelledby="changes-title">
      <h2 id="changes-title">Changes made in QuickBooks</h2>
      {props.changes.length === 0 ? (
        <p className="muted">No changes made in QuickBooks yet.</p>
      ) : (
        <ul className="issues" data-testid="quickbooks-changes">
          {props.changes.map((c) => (
            <li key={c.id} className="issue">
              <p>{c.message}</p>
              <p className="muted small">{formatDateTime(c.at)}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A QuickBooks LocalDate (2026-03-05) as a bookkeeper reads it (5 Mar 2026), whatever the browser's zone. */
function formatLocalDate(date: string | null | undefined): string {
  if (!date) return '';
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-AU', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
}

type CreatedScreen = QuickBooksCreatedRecordsScreenQuery;

/**
 * Customers and invoices someone entered in QuickBooks after the import (the pull finds them): each is
 * linked to the FSM record it stands for (an invoice: same customer and total, not yet in QuickBooks), or
 * a customer is imported as a new FSM customer, so that the next push never creates it a second time.
 */
function QuickBooksCreatedRecords(): ReactNode {
  const q = useQuery(QuickBooksCreatedRecordsScreenDocument, { fetchPolicy: 'cache-and-network' });
  const data = q.data ?? q.previousData;
  // An older gateway without the listing: no card (any other refusal is shown).
  if (errorCode(q.error) === 'GRAPHQL_VALIDATION_FAILED' && q.error?.message.includes('quickBooksCreatedRecords')) return null;
  const rows = data?.quickBooksCreatedRecords.edges.map((e) => e.node) ?? [];
  return (
    <div className="card" aria-labelledby="created-title">
      <h2 id="created-title">
        Entered in QuickBooks, not linked yet {rows.length > 0 && <span className="count-pill">{data?.quickBooksCreatedRecords.totalCount}</span>}
      </h2>
      <p className="help">Customers and invoices someone entered directly in QuickBooks. Link each to its record in the field-service app (or import a customer) so it is never sent to QuickBooks a second time.</p>
      {q.error && !data && (
        <p className="banner error" role="alert">
          {describeError(q.error)}
        </p>
      )}
      {data && rows.length === 0 ? (
        <p className="muted">Nothing entered in QuickBooks is waiting to be linked.</p>
      ) : (
        <ul className="issues" data-testid="quickbooks-created">
          {rows.map((r) => (
            <CreatedRecordItem key={r.id} record={r} screen={data!} onDone={() => void q.refetch()} />
          ))}
        </ul>
      )}
    </div>
  );
}

function CreatedRecordItem(props: { record: CreatedRecordRowFragment; screen: CreatedScreen; onDone: () => void }): ReactNode {
  const r = props.record;
  const isInvoice = r.entity === 'INVOICE';
  const choices = isInvoice
    ? props.screen.invoices.edges.map(({ node: i }) => ({ id: i.id, label: `Invoice ${i.number} · ${i.customer?.displayName ?? ''} · ${formatLocalDate(i.date)} · ${i.total}`, matches: i.total === r.amount }))
    : props.screen.customers.edges.map(({ node: c }) => ({ id: c.id, label: c.displayName, matches: c.displayName === r.name }));
  // The likeliest match first (an invoice of the same total, a customer of the same name).
  const sorted = [...choices.filter((c) => c.matches), ...choices.filter((c) => !c.matches)];
  const [target, setTarget] = useState('');
  const chosen = target || sorted[0]?.id || '';
  const [linkInvoice] = useMutation(LinkCreatedInvoiceDocument);
  const [linkCustomer] = useMutation(LinkCreatedCustomerDocument);
  const [importCustomer] = useMutation(ImportCreatedCustomerDocument);
  const [state, setState] = useState<{ busy?: boolean; text?: string; ok?: boolean }>({});
  const run = async (action: () => Promise<unknown>, done: string) => {
    setState({ busy: true });
    try {
      await action();
      setState({ ok: true, text: done });
      props.onDone();
    } catch (e) {
      setState({ ok: false, text: describeError(e) });
    }
  };
  const headingId = `created-${r.id}-title`;
  const label = isInvoice
    ? `Invoice ${r.name} · ${r.customerName ?? ''} · ${formatLocalDate(r.date)} · ${r.amount ?? ''}`
    : `Customer ${r.name}${r.email ? ` · ${r.email}` : ''}`;
  const selectId = `created-${r.id}-target`;
  return (
    <li className="issue" data-testid="quickbooks-created-record" data-entity={r.entity} aria-labelledby={headingId}>
      <p>
        <strong id={headingId}>{label}</strong>
      </p>
      <div className="issue-actions">
        {sorted.length > 0 ? (
          <>
            <span className="link-choice">
              <label htmlFor={selectId}>{isInvoice ? 'Field-service invoice' : 'Field-service customer'}</label>{' '}
              <select id={selectId} value={chosen} onChange={(e) => setTarget(e.target.value)}>
                {sorted.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.label}
                  </option>
                ))}
              </select>
            </span>
            <button
              type="button"
              className="primary"
              disabled={state.busy}
              aria-describedby={headingId}
              onClick={() =>
                void run(
                  () => (isInvoice ? linkInvoice({ variables: { invoiceId: chosen, quickBooksInvoiceId: r.quickBooksId } }) : linkCustomer({ variables: { customerId: chosen, quickBooksCustomerId: r.quickBooksId } })),
                  'Linked.',
                )
              }
            >
              Link
            </button>
          </>
        ) : (
          <span className="muted">{isInvoice ? 'No field-service invoice waiting to be sent to link it to.' : ''}</span>
        )}
        {!isInvoice && (
          <button type="button" disabled={state.busy} aria-describedby={headingId} onClick={() => void run(() => importCustomer({ variables: { quickBooksCustomerId: r.quickBooksId } }), 'Imported as a new customer.')}>
            Import as a new customer
          </button>
        )}
        {state.text && (
          <span className={state.ok ? 'ok-text' : 'field-error'} role={state.ok ? 'status' : 'alert'}>
            {' '}
            {state.text}
          </span>
        )}
      </div>
    </li>
  );
}

function RunHistory(props: { runs: SyncRunRowFragment[]; total: number }): ReactNode {
  const [cancel] = useMutation(CancelSyncDocument);
  return (
    <div className="card" aria-labelledby="history-title">
      <h2 id="history-title">Run history</h2>
      {props.runs.length === 0 ? (
        <p className="muted">No runs yet.</p>
      ) : (
        <table className="history">
          <caption className="visually-hidden">The latest {props.runs.length} of {props.total} sync runs, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Queued</th>
              <th scope="col">Trigger</th>
              <th scope="col">Scope</th>
              <th scope="col">Status</th>
              <th scope="col">Records</th>
              <th scope="col">Took</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.runs.map((r) => (
              <tr key={r.id}>
                <td>{formatDateTime(r.queuedAt)}</td>
                <td>
                  {r.trigger.toLowerCase()}
                  {r.dryRun ? ' · dry run' : ''}
                </td>
                <td>{r.everything ? 'Everything' : r.scope.map((k) => SCOPE_LABELS[k]).join(', ')}</td>
                <td>
                  <span className={runBadge(r).className}>{runBadge(r).label}</span>
                  {r.error && <div className="field-error small">{r.error}</div>}
                </td>
                <td>
                  {r.dryRun ? `${r.succeeded} would be sent` : `${r.succeeded} sent`}, {r.failed} failed, {r.blocked} waiting, {r.skipped} skipped of {r.total}
                </td>
                <td>{r.startedAt && r.finishedAt ? formatDuration(Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 1000)) : '—'}</td>
                <td>
                  {(r.status === 'QUEUED' || r.status === 'RUNNING') && (
                    <button type="button" onClick={() => void cancel({ variables: { id: r.id } })}>
                      Cancel
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
