/**
 * Customer import: after connecting, bring the QuickBooks company's customers into the field-service
 * app. The gateway links each QuickBooks customer to the FSM customer it already is (same QuickBooks
 * id, email or name), creates the rest, and leaves the ones that fit several FSM customers for a person
 * to decide: this screen runs the import, shows linked / created / to resolve, and resolves each
 * ambiguous one by choosing the customer it is, or creating a new one from it.
 */
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { type ReactNode, useState } from 'react';
import { describeError } from '../errors.js';
import {
  CreateImportedCustomerDocument,
  CustomerImportRunDocument,
  CustomerImportScreenDocument,
  type ImportMatchRowFragment,
  LinkImportedCustomerDocument,
  StartCustomerImportDocument,
} from '../generated/graphql.js';
import { Link } from '../router.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function CustomerImportScreen(): ReactNode {
  const screen = useQuery(CustomerImportScreenDocument, { variables: { first: 50 }, fetchPolicy: 'cache-and-network' });
  const client = useApolloClient();
  const [start] = useMutation(StartCustomerImportDocument);
  const [running, setRunning] = useState<string | null>(null);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);

  const data = screen.data ?? screen.previousData;
  const connected = data?.quickBooksConnection.status === 'CONNECTED';
  const summary = data?.customerImportSummary;

  const runImport = async () => {
    setResult(null);
    try {
      const { data: started } = await start();
      const id = started!.importCustomers.id;
      setRunning(started!.importCustomers.phase);
      // The import reports on its run: read it until it has an outcome.
      for (;;) {
        const { data: read } = await client.query({ query: CustomerImportRunDocument, variables: { id }, fetchPolicy: 'network-only' });
        const run = read?.syncRun;
        if (run?.outcome) {
          setResult(run.outcome === 'FAILED' ? { ok: false, text: `The import failed: ${run.error ?? run.phase}` } : { ok: true, text: `Import finished: ${run.phase}.` });
          break;
        }
        if (run) setRunning(`${run.phase} (${run.processed} of ${run.total})`);
        await pause(500);
      }
    } catch (e) {
      setResult({ ok: false, text: describeError(e) });
    } finally {
      setRunning(null);
      void screen.refetch();
    }
  };

  const ambiguous = data?.customerImportMatches.edges.map((e) => e.node) ?? [];
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Customer import</h1>
      <p className="lead">
        Bring your QuickBooks customers into the field-service app. Customers both sides already have are linked (same email or name), the rest are
        created, and the ones that fit several of your customers wait here for you to choose.
      </p>
      {screen.error && !data && (
        <p className="banner error" role="alert">
          {describeError(screen.error)}
        </p>
      )}
      {data && !connected && (
        <p className="banner warning" role="status">
          QuickBooks is not connected. <Link to="/connection">Connect QuickBooks</Link> first, then import its customers.
        </p>
      )}
      {data?.quickBooksConnection.customerImportSuggested && connected && summary && summary.linked + summary.created + summary.ambiguous === 0 && (
        <p className="banner" role="status">
          {data.quickBooksConnection.companyName ?? 'Your QuickBooks company'} is connected and its customers have not been imported yet.
        </p>
      )}
      <div className="card">
        <button type="button" className="primary" onClick={() => void runImport()} disabled={!connected || running !== null}>
          {running !== null ? 'Importing…' : 'Import customers from QuickBooks'}
        </button>
        {running !== null && (
          <span className="muted" role="status">
            {' '}
            {running}
          </span>
        )}
        {result && (
          <p className={result.ok ? 'ok-text' : 'field-error'} role={result.ok ? 'status' : 'alert'}>
            {result.text}
          </p>
        )}
        {summary && (
          <ul className="import-summary" data-testid="import-summary" aria-label="What the import did">
            <li>
              <span className="count">{summary.linked}</span> linked to a customer you had
            </li>
            <li>
              <span className="count">{summary.created}</span> created
            </li>
            <li>
              <span className={summary.ambiguous > 0 ? 'count field-error' : 'count'}>{summary.ambiguous}</span> to resolve
            </li>
          </ul>
        )}
      </div>
      <div className="card" aria-labelledby="ambiguous-title">
        <h2 id="ambiguous-title">To resolve {ambiguous.length > 0 && <span className="count-pill">{data?.customerImportMatches.totalCount}</span>}</h2>
        {ambiguous.length === 0 ? (
          <p className="muted">Nothing to resolve.</p>
        ) : (
          <ul className="issues">
            {ambiguous.map((m) => (
              <AmbiguousMatch key={m.quickBooksCustomerId} match={m} onResolved={() => void screen.refetch()} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function AmbiguousMatch(props: { match: ImportMatchRowFragment; onResolved: () => void }): ReactNode {
  const m = props.match;
  const [link] = useMutation(LinkImportedCustomerDocument);
  const [create] = useMutation(CreateImportedCustomerDocument);
  const [chosen, setChosen] = useState(m.candidates[0]?.id ?? '');
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  const why = m.reason === 'EMAIL' ? 'the same email' : m.reason === 'DISPLAY_NAME' ? 'the same name' : 'an earlier link';
  const groupName = `candidate-${m.quickBooksCustomerId}`;
  const act = async (work: () => Promise<unknown>) => {
    setState({ busy: true });
    try {
      await work();
      setState({});
      props.onResolved();
    } catch (e) {
      setState({ error: describeError(e) });
    }
  };
  return (
    <li className="issue" data-testid="ambiguous-match">
      <fieldset className="plain">
        <legend>
          QuickBooks customer <strong>{m.quickBooksDisplayName}</strong> fits {m.candidates.length} of your customers by {why}. Which one is it?
        </legend>
        <ul className="candidates">
          {m.candidates.map((c) => (
            <li key={c.id} className="checkbox-field">
              <input type="radio" id={`${groupName}-${c.id}`} name={groupName} value={c.id} checked={chosen === c.id} onChange={() => setChosen(c.id)} />
              <label htmlFor={`${groupName}-${c.id}`}>
                {c.displayName}
                {c.email ? ` · ${c.email}` : ''}
                {c.phone ? ` · ${c.phone}` : ''}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="issue-actions">
        <button type="button" className="primary" disabled={state.busy || !chosen} onClick={() => void act(() => link({ variables: { customerId: chosen, quickBooksCustomerId: m.quickBooksCustomerId } }))}>
          Link to the chosen customer
        </button>
        <button type="button" disabled={state.busy} onClick={() => void act(() => create({ variables: { quickBooksCustomerId: m.quickBooksCustomerId } }))}>
          None of these: create a new customer
        </button>
        {state.error && (
          <span className="field-error" role="alert">
            {state.error}
          </span>
        )}
      </div>
    </li>
  );
}
