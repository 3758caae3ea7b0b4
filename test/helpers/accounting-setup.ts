/** Choosing accounts and feeding FSM records through the public GraphQL API, as a frontend and the FSM backend do. */
import { AccountsDocument, UpdateAccountingSettingsDocument, type AccountingSettingsInput } from '../generated/graphql.js';
import { gql } from './graphql-client.js';

export async function accountIdByName(graphqlUrl: string, apiKey: string, name: string): Promise<string> {
  const result = await gql(graphqlUrl, AccountsDocument, { search: name, first: 20 }, apiKey);
  const found = result.data?.accounts.edges.map((e) => e.node).find((a) => a.name === name);
  if (!found) throw new Error(`no account named ${name}: ${JSON.stringify(result.errors ?? result.data)}`);
  return found.id;
}

/** The AU simulator company's usual choices (labour, materials, bank, card clearing, rounding). */
export async function chooseAustralianAccounts(graphqlUrl: string, apiKey: string, extra: AccountingSettingsInput = {}): Promise<void> {
  const id = (name: string) => accountIdByName(graphqlUrl, apiKey, name);
  const result = await gql(
    graphqlUrl,
    UpdateAccountingSettingsDocument,
    {
      input: {
        defaultLabourIncomeAccountId: await id('Labour Income'),
        defaultSuppliesIncomeAccountId: await id('Materials Income'),
        paymentsAccountId: await id('Business Cheque Account'),
        creditCardPaymentsAccountId: await id('Card Clearing'),
        defaultRoundingAccountId: await id('Rounding'),
        accountingStartDate: '2026-01-01',
        teamTrackingCategory: 'CLASS',
        ...extra,
      },
    },
    apiKey,
  );
  if (result.errors) throw new Error(`choosing accounts failed: ${JSON.stringify(result.errors)}`);
}
