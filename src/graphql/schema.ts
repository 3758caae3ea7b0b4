/** Builds the executable schema from every slice's resolvers. The single list of resolvers lives here. */
import { type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ViewerResolver } from '../viewer/viewer.resolver.js';
import { type AppPubSub, createAppPubSub } from './pubsub.js';

export const resolvers = [ViewerResolver] as const;

export async function buildAppSchema(pubSub: AppPubSub = createAppPubSub()): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers,
    pubSub,
    // Validation of inputs is explicit in services (clear messages naming fields), not class-validator.
    validate: false,
    emitSchemaFile: false,
  });
}
