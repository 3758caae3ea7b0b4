/** An import outcome's FSM customers by name (the linked or created one, and an ambiguous one's candidates), through the request's loaders. */
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { type GraphQLContext } from '../graphql/context.js';
import { CustomerType } from '../ledger/ledger-record.type.js';
import { CustomerImportMatchType } from './pull.type.js';

@Resolver(() => CustomerImportMatchType)
export class CustomerImportMatchFieldsResolver {
  @FieldResolver(() => CustomerType, { nullable: true, description: 'The FSM customer linked or created.' })
  customer(@Root() match: CustomerImportMatchType, @Ctx() ctx: GraphQLContext): Promise<CustomerType | null> | null {
    return match.customerId ? (ctx.loaders.ledgerRecord('customer').load(match.customerId)) : null;
  }

  @FieldResolver(() => [CustomerType], { description: 'AMBIGUOUS: the FSM customers that fit equally, to choose from.' })
  async candidates(@Root() match: CustomerImportMatchType, @Ctx() ctx: GraphQLContext): Promise<CustomerType[]> {
    const found = await Promise.all(match.candidateIds.map((id) => ctx.loaders.ledgerRecord('customer').load(id)));
    return found.filter((c): c is NonNullable<typeof c> => c !== null);
  }
}
