/**
 * One account setting's dropdown, filled by `accounts(purpose: ...)`. Long charts get a search box
 * (the gateway searches name, number and full name), and the list reloads when restrictions are
 * relaxed or tightened. The current choice stays visible even when a new filter would hide it, so a
 * reload never silently changes what the user picked: the gateway judges it on save instead.
 */
import { useQuery } from '@apollo/client/react';
import { type ReactNode, useEffect, useState } from 'react';
import { type AccountOptionFragment, type AccountPurpose, AccountChoicesDocument } from '../generated/graphql.js';

/** Charts with more choices than this get a search box; shorter ones are easier to scan. */
const SEARCH_THRESHOLD = 25;
/** One page of choices; past it the user narrows with the search box. */
const PAGE_SIZE = 100;

export interface AccountSelectProps {
  /** DOM id of the select, also the input field's name (e.g. "paymentsAccountId"). */
  id: string;
  label: string;
  purpose: AccountPurpose;
  /** Relaxed: any active account, whatever its type. */
  relaxed: boolean;
  /** Account id, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  /** The saved account, so its name shows before (or without) the list loading. */
  known?: AccountOptionFragment | null;
  help?: string;
  error?: string;
  /** Why the saved account cannot be used now (inactive or deleted in QuickBooks, a wrong type): shown next to the setting. */
  problem?: string;
  /** Visually hidden label (tables label the column instead). */
  compact?: boolean;
}

export function accountLabel(a: AccountOptionFragment): string {
  return `${a.accountNumber ? `${a.accountNumber} · ` : ''}${a.fullyQualifiedName} (${a.accountType})${a.active ? '' : ' · inactive'}`;
}

export function AccountSelect(props: AccountSelectProps): ReactNode {
  const { id, purpose, relaxed, value } = props;
  const [search, setSearch] = useState('');
  const term = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<AccountOptionFragment | null>(null);
  // The size of the unsearched list for the current filter decides whether a search box helps.
  const [unsearchedTotal, setUnsearchedTotal] = useState(0);

  const { data, previousData, loading, error } = useQuery(AccountChoicesDocument, {
    // Relaxed in the form (perhaps not saved yet): ask for every active account.
    variables: { purpose: relaxed ? null : purpose, search: term || null, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const accounts = (data ?? previousData)?.accounts;
  useEffect(() => {
    if (data && !term) setUnsearchedTotal(data.accounts.totalCount);
  }, [data, term]);

  // The saved settings may be relaxed while the form is not: filter by purpose here as well.
  const options = (accounts?.edges ?? []).map((e) => e.node).filter((a) => relaxed || a.purposes.includes(purpose));
  const selected = options.find((a) => a.id === value) ?? (picked?.id === value ? picked : undefined) ?? (props.known?.id === value ? props.known : undefined);
  const selectedHidden = value !== '' && !options.some((a) => a.id === value);

  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const searchId = `${id}-search`;
  const problemId = `${id}-problem`;
  const describedBy = [props.problem ? problemId : '', props.help ? helpId : '', props.error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const fits = (a: AccountOptionFragment) => a.purposes.includes(purpose);

  return (
    <div className={`field account-field${props.error || props.problem ? ' has-error' : ''}`}>
      <label htmlFor={id} className={props.compact ? 'visually-hidden' : undefined}>
        {props.label}
      </label>
      <div className="account-controls">
        <select
          id={id}
          name={id}
          value={value}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={describedBy}
          aria-busy={loading || undefined}
          onChange={(e) => {
            const next = e.target.value;
            setPicked(options.find((a) => a.id === next) ?? null);
            props.onChange(next);
          }}
        >
          <option value="">— Not set —</option>
          {selectedHidden && (
            <option value={value}>
              {selected ? accountLabel(selected) : `Account ${value}`}
              {selected && !fits(selected) ? ' · not allowed for this setting' : ' · not in this list'}
            </option>
          )}
          {options.map((a) => (
            <option key={a.id} value={a.id}>
              {accountLabel(a)}
              {relaxed && !fits(a) ? ' · relaxed' : ''}
            </option>
          ))}
        </select>
        {(unsearchedTotal > SEARCH_THRESHOLD || search) && (
          <>
            <label htmlFor={searchId} className="visually-hidden">
              Search accounts for {props.label}
            </label>
            <input
              id={searchId}
              type="search"
              className="account-search"
              placeholder="Search accounts"
              value={search}
              aria-controls={id}
              onChange={(e) => setSearch(e.target.value)}
            />
          </>
        )}
      </div>
      {accounts && accounts.totalCount > options.length && !relaxed && term === '' && accounts.totalCount > PAGE_SIZE && (
        <p className="help">Showing the first {PAGE_SIZE} of {accounts.totalCount}: search to narrow the list.</p>
      )}
      {term && accounts && (
        <p className="help" role="status">
          {options.length === 0 ? 'No account matches that search.' : `${accounts.totalCount} matching account${accounts.totalCount === 1 ? '' : 's'}.`}
        </p>
      )}
      {error && <p className="field-error">The accounts could not be loaded: {error.message}</p>}
      {props.problem && (
        <p id={problemId} className="field-error setting-problem" data-setting-problem={id}>
          {props.problem}
        </p>
      )}
      {props.help && (
        <p id={helpId} className="help">
          {props.help}
        </p>
      )}
      {props.error && (
        <p id={errorId} className="field-error" data-field-error={id}>
          {props.error}
        </p>
      )}
    </div>
  );
}

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}
