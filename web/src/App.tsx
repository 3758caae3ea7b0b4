/**
 * The app shell: the API key gate, one Apollo Client per key, the header with the navigation, and
 * the screen for the current path. A key the gateway stops accepting (revoked) sends the user back to
 * the key form instead of leaving every screen failing.
 */
import { ApolloProvider, useQuery } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import { createGatewayClient, type GatewayClient } from './apollo.js';
import { ConnectionScreen } from './connection/ConnectionScreen.js';
import { CustomerImportScreen } from './customers/CustomerImportScreen.js';
import { errorCode } from './errors.js';
import { ViewerDocument } from './generated/graphql.js';
import { JobTypesScreen, PaymentMethodsScreen, SuppliesScreen } from './overrides/OverrideScreens.js';
import { Link, navigate, usePathname } from './router.js';
import { storeApiKey, storedApiKey } from './session/api-key.js';
import { KeyForm } from './session/KeyForm.js';
import { SettingsScreen } from './settings/SettingsScreen.js';
import { SyncScreen } from './sync/SyncScreen.js';

interface Route {
  path: string;
  label: string;
  title: string;
  render: () => ReactNode;
}

const ROUTES: Route[] = [
  { path: '/connection', label: 'Connection', title: 'QuickBooks connection', render: () => <ConnectionScreen /> },
  { path: '/customers', label: 'Customer import', title: 'Customer import', render: () => <CustomerImportScreen /> },
  { path: '/settings', label: 'Accounting settings', title: 'Accounting settings', render: () => <SettingsScreen /> },
  { path: '/settings/job-types', label: 'Job types', title: 'Job type accounts', render: () => <JobTypesScreen /> },
  { path: '/settings/supplies', label: 'Supplies', title: 'Supply income accounts', render: () => <SuppliesScreen /> },
  { path: '/settings/payment-methods', label: 'Payment methods', title: 'Payment method surcharge accounts', render: () => <PaymentMethodsScreen /> },
  { path: '/sync', label: 'Sync', title: 'Sync', render: () => <SyncScreen /> },
];

export function App(): ReactNode {
  const [apiKey, setApiKey] = useState<string | null>(() => storedApiKey());
  const [notice, setNotice] = useState<string | undefined>();

  const signOut = (message?: string) => {
    storeApiKey(null);
    setNotice(message);
    setApiKey(null);
  };

  if (!apiKey) {
    return (
      <KeyForm
        notice={notice}
        onAccepted={(key) => {
          storeApiKey(key);
          setNotice(undefined);
          setApiKey(key);
        }}
      />
    );
  }
  return <Shell key={apiKey} apiKey={apiKey} onSignOut={signOut} />;
}

function Shell(props: { apiKey: string; onSignOut: (message?: string) => void }): ReactNode {
  // Created and disposed by the same effect: a client made in useMemo and disposed in a cleanup would
  // be reused after StrictMode's rehearsal unmount with its WebSocket already closed.
  const [client, setClient] = useState<GatewayClient | null>(null);
  useEffect(() => {
    const created = createGatewayClient(props.apiKey);
    setClient(created);
    return () => created.dispose();
  }, [props.apiKey]);
  if (!client) return null;
  return (
    <ApolloProvider client={client.apollo}>
      <Layout onSignOut={props.onSignOut} />
    </ApolloProvider>
  );
}

function Layout(props: { onSignOut: (message?: string) => void }): ReactNode {
  const pathname = usePathname();
  const viewer = useQuery(ViewerDocument);
  const { onSignOut } = props;
  const rejected = errorCode(viewer.error) === 'UNAUTHENTICATED';
  useEffect(() => {
    if (rejected) onSignOut('The gateway no longer accepts that API key. Enter a valid one.');
  }, [rejected, onSignOut]);

  const route = ROUTES.find((r) => r.path === pathname.replace(/\/+$/, ''));
  useEffect(() => {
    if (!route) navigate('/connection', { replace: true });
  }, [route]);
  useEffect(() => {
    if (route) document.title = `${route.title} · fieldbooks`;
  }, [route]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true">
            fb
          </span>
          <span>
            fieldbooks <span className="muted">· QuickBooks Online</span>
          </span>
        </div>
        <div className="tenant">
          {viewer.data && <span aria-label="Tenant">{viewer.data.viewer.tenant.name}</span>}
          <button type="button" className="link-button" onClick={() => onSignOut()}>
            Change API key
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Screens">
        <ul>
          {ROUTES.map((r) => (
            <li key={r.path} className={r.path.startsWith('/settings/') ? 'sub' : undefined}>
              <Link to={r.path} current={r === route}>
                {r.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        {route?.render()}
      </main>
    </div>
  );
}
