/**
 * The connection screen: which QuickBooks company the tenant is connected to, how healthy its tokens
 * are, and Connect (through Intuit's or the simulator's consent page and back), Test and Disconnect.
 * The status follows `quickBooksConnectionChanged`, so a refresh failing elsewhere shows here at once.
 */
import { useMutation, useQuery, useSubscription } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import { describeError, errorCode } from '../errors.js';
import { formatDateTime, formatRelative } from '../format.js';
import {
  type ConnectionFieldsFragment,
  DisconnectQuickBooksCompanyDocument,
  QuickBooksConnectionDocument,
  QuickBooksConnectionUpdatesDocument,
  StartQuickBooksConnectDocument,
  TestQuickBooksConnectionDocument,
} from '../generated/graphql.js';
import { Link, navigate } from '../router.js';

/** What /oauth/callback's `reason` means, for people (the codes are the gateway's, see README). */
const CALLBACK_REASONS: Record<string, string> = {
  CONSENT_DECLINED: 'The connection was cancelled on the QuickBooks consent page, so nothing changed.',
  STATE_INVALID: 'That connection link had expired or was already used. Start connecting again.',
  CODE_EXCHANGE_FAILED: 'QuickBooks did not accept the authorization. Try connecting again.',
  REALM_MISMATCH:
    'You chose a different QuickBooks company than the one these books were connected to. Connecting it would split the books between two companies.',
  COMPANY_UNREADABLE: 'QuickBooks connected, but the company’s details could not be read. Try again in a moment.',
};

const STATUS_LABELS: Record<ConnectionFieldsFragment['status'], string> = {
  CONNECTED: 'Connected',
  NOT_CONNECTED: 'Not connected',
  RECONNECT_REQUIRED: 'Reconnect required',
  ERROR: 'Error',
};

const ENVIRONMENT_LABELS: Record<string, string> = {
  production: 'Production (Intuit)',
  sandbox: 'Sandbox (Intuit)',
  simulator: 'Built-in QuickBooks simulator',
};

interface Outcome {
  kind: 'success' | 'error';
  text: string;
  /** A REALM_MISMATCH can be overridden on purpose. */
  offerRealmChange?: boolean;
}

export function ConnectionScreen(): ReactNode {
  const query = useQuery(QuickBooksConnectionDocument, { fetchPolicy: 'cache-and-network' });
  useSubscription(QuickBooksConnectionUpdatesDocument);
  const [startConnect, connecting] = useMutation(StartQuickBooksConnectDocument);
  const [verify, verifying] = useMutation(TestQuickBooksConnectionDocument);
  const [disconnect, disconnecting] = useMutation(DisconnectQuickBooksCompanyDocument);
  const [outcome, setOutcome] = useState<Outcome | null>(() => callbackOutcome());
  const [confirmDisconnect, setConfirmDisconnect] = useState(false);

  useEffect(() => {
    // Drop ?quickbooks=... so a reload does not announce the same result again.
    if (window.location.search.includes('quickbooks=')) navigate(window.location.pathname, { replace: true });
  }, []);

  const connection = query.data?.quickBooksConnection;

  const connect = async (allowRealmChange = false) => {
    setOutcome(null);
    try {
      const { data } = await startConnect({ variables: { returnTo: `${window.location.origin}/connection`, allowRealmChange } });
      if (data) window.location.assign(data.connectQuickBooks.authorizationUrl);
    } catch (e) {
      setOutcome({ kind: 'error', text: describeError(e) });
    }
  };

  const test = async () => {
    setOutcome(null);
    try {
      const { data } = await verify();
      const c = data?.verifyQuickBooksConnection;
      setOutcome(
        c?.status === 'CONNECTED'
          ? { kind: 'success', text: `QuickBooks answered for ${c.companyName ?? 'the company'} at ${formatDateTime(c.lastSuccessfulCallAt)}.` }
          : { kind: 'error', text: c?.reasonMessage ?? 'QuickBooks did not answer.' },
      );
    } catch (e) {
      // The API's message speaks to developers ("call connectQuickBooks again"); the status card below
      // carries the reason in plain words.
      const reconnect = errorCode(e) === 'QUICKBOOKS_RECONNECT_REQUIRED';
      setOutcome({ kind: 'error', text: reconnect ? 'The test failed: see the status below.' : describeError(e) });
      // A failed test usually changed the status (e.g. RECONNECT_REQUIRED): show it even without the socket.
      void query.refetch();
    }
  };

  const doDisconnect = async () => {
    setConfirmDisconnect(false);
    setOutcome(null);
    try {
      await disconnect();
      setOutcome({ kind: 'success', text: 'Disconnected. The authorization was revoked at QuickBooks and the tokens were deleted.' });
    } catch (e) {
      setOutcome({ kind: 'error', text: describeError(e) });
    }
  };

  return (
    <section aria-labelledby="connection-title">
      <h1 id="connection-title">QuickBooks connection</h1>
      {outcome && (
        <div className={`banner ${outcome.kind}`} role={outcome.kind === 'error' ? 'alert' : 'status'}>
          <p>{outcome.text}</p>
          {outcome.offerRealmChange && (
            <button type="button" onClick={() => void connect(true)} disabled={connecting.loading}>
              Connect the other company anyway
            </button>
          )}
        </div>
      )}
      {query.error && !connection && (
        <p className="banner error" role="alert">
          {describeError(query.error)}
        </p>
      )}
      {!connection && !query.error && <p aria-busy="true">Loading the connection…</p>}
      {connection && (
        <div className="card">
          <p className="status-line">
            Status:{' '}
            <strong className={`badge badge-${connection.status.toLowerCase()}`} data-testid="connection-status">
              {STATUS_LABELS[connection.status]}
            </strong>
          </p>
          {connection.status === 'RECONNECT_REQUIRED' && (
            <div className="banner warning" role="alert">
              <p>
                <strong>QuickBooks needs to be reconnected.</strong> {connection.reasonMessage ?? 'The authorization is no longer valid.'}
              </p>
              <p>Syncing is paused; nothing is lost. Reconnect to the same company to carry on.</p>
            </div>
          )}
          {connection.status === 'CONNECTED' && connection.customerImportSuggested && (
            <p className="banner" role="status" data-testid="import-suggested">
              Next: bring this company’s customers into the field-service app. <Link to="/customers">Import customers</Link>
            </p>
          )}
          {connection.status !== 'CONNECTED' && connection.status !== 'RECONNECT_REQUIRED' && connection.reasonMessage && (
            <p className="muted">{connection.reasonMessage}</p>
          )}
          <dl className="facts">
            <dt>Company</dt>
            <dd data-testid="company-name">{connection.companyName ?? '—'}</dd>
            <dt>Company id (realm)</dt>
            <dd>{connection.realmId ?? '—'}</dd>
            <dt>Country</dt>
            <dd>{connection.country ?? '—'}</dd>
            <dt>Environment</dt>
            <dd>{connection.environment ? (ENVIRONMENT_LABELS[connection.environment] ?? connection.environment) : '—'}</dd>
            <dt>Connected since</dt>
            <dd>{formatDateTime(connection.connectedAt)}</dd>
            <dt>Access token expires</dt>
            <dd>
              <Expiry iso={connection.accessTokenExpiresAt} expiredNote="renewed automatically on the next call" />
            </dd>
            <dt>Refresh token expires</dt>
            <dd>
              <Expiry iso={connection.refreshTokenExpiresAt} expiredNote="reconnect to QuickBooks" />
            </dd>
            <dt>Last successful call</dt>
            <dd>{formatDateTime(connection.lastSuccessfulCallAt)}</dd>
          </dl>
          <div className="actions">
            {connection.status !== 'CONNECTED' && (
              <button type="button" className="primary" onClick={() => void connect()} disabled={connecting.loading}>
                {connection.status === 'RECONNECT_REQUIRED' ? 'Reconnect to QuickBooks' : 'Connect to QuickBooks'}
              </button>
            )}
            {connection.status === 'CONNECTED' && (
              <button type="button" onClick={() => void test()} disabled={verifying.loading}>
                {verifying.loading ? 'Testing…' : 'Test connection'}
              </button>
            )}
            {connection.realmId && connection.status !== 'NOT_CONNECTED' && !confirmDisconnect && (
              <button type="button" className="danger" onClick={() => setConfirmDisconnect(true)} disabled={disconnecting.loading}>
                Disconnect
              </button>
            )}
          </div>
          {confirmDisconnect && (
            <div className="confirm" role="group" aria-labelledby="disconnect-question">
              <p id="disconnect-question">
                Disconnect from {connection.companyName ?? 'QuickBooks'}? Syncing stops until you connect again.
              </p>
              <button type="button" className="danger" onClick={() => void doDisconnect()} autoFocus>
                Yes, disconnect
              </button>
              <button type="button" onClick={() => setConfirmDisconnect(false)}>
                Cancel
              </button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}

function Expiry(props: { iso: string | null | undefined; expiredNote: string }): ReactNode {
  if (!props.iso) return '—';
  const expired = new Date(props.iso).getTime() <= Date.now();
  return (
    <>
      {formatDateTime(props.iso)}{' '}
      <span className={expired ? 'warn-text' : 'muted'}>({expired ? `expired: ${props.expiredNote}` : formatRelative(props.iso)})</span>
    </>
  );
}

/** The result /oauth/callback appended to our returnTo, if this page load is that return. */
function callbackOutcome(): Outcome | null {
  const params = new URLSearchParams(window.location.search);
  const result = params.get('quickbooks');
  if (result === 'connected') return { kind: 'success', text: 'QuickBooks is connected.' };
  if (result === 'error') {
    const reason = params.get('reason') ?? '';
    return {
      kind: 'error',
      text: CALLBACK_REASONS[reason] ?? `QuickBooks was not connected (${reason || 'unknown reason'}).`,
      offerRealmChange: reason === 'REALM_MISMATCH',
    };
  }
  return null;
}
