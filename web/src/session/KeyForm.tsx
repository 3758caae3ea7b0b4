/**
 * Asks for the API key once per browser session, pre-filled with the demo key when the gateway offers
 * it, and checks it with a `viewer` query before the rest of the app uses it.
 */
import { type FormEvent, type ReactNode, useEffect, useId, useState } from 'react';
import { createGatewayClient } from '../apollo.js';
import { describeError, errorCode } from '../errors.js';
import { ViewerDocument } from '../generated/graphql.js';
import { loadAppConfig } from './api-key.js';

export function KeyForm(props: { onAccepted: (key: string, tenantName: string) => void; notice?: string }): ReactNode {
  const [key, setKey] = useState('');
  const [demo, setDemo] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const inputId = useId();

  useEffect(() => {
    let live = true;
    void loadAppConfig().then((config) => {
      if (live && config.demoApiKey) {
        setKey((current) => current || config.demoApiKey!);
        setDemo(true);
      }
    });
    return () => {
      live = false;
    };
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const candidate = key.trim();
    if (!candidate) {
      setError('Enter an API key.');
      return;
    }
    setChecking(true);
    setError(null);
    const client = createGatewayClient(candidate);
    try {
      const { data } = await client.apollo.query({ query: ViewerDocument, fetchPolicy: 'network-only' });
      props.onAccepted(candidate, data?.viewer.tenant.name ?? '');
    } catch (e) {
      setError(errorCode(e) === 'UNAUTHENTICATED' ? 'The gateway does not know this API key. Check it and try again.' : describeError(e));
    } finally {
      client.dispose();
      setChecking(false);
    }
  };

  const errorId = `${inputId}-error`;
  const helpId = `${inputId}-help`;
  return (
    <main className="key-screen">
      <h1>fieldbooks</h1>
      <p className="lead">QuickBooks Online integration settings and sync.</p>
      {props.notice && (
        <p className="notice" role="status">
          {props.notice}
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} className="card" noValidate>
        <label htmlFor={inputId}>API key</label>
        <input
          id={inputId}
          name="apiKey"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-describedby={`${helpId}${error ? ` ${errorId}` : ''}`}
          aria-invalid={error ? true : undefined}
          required
        />
        <p id={helpId} className="help">
          {demo
            ? 'Pre-filled with the demo tenant’s key (this gateway runs its embedded default and you are on the same machine).'
            : 'The key your fieldbooks administrator gave you (npm run tenant:create prints one). It is kept in this browser tab only.'}
        </p>
        {error && (
          <p id={errorId} className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={checking}>
          {checking ? 'Checking…' : 'Continue'}
        </button>
      </form>
    </main>
  );
}
