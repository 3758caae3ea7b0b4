/**
 * The GraphQL types of cursor connections (`edges { node cursor }`, `pageInfo { hasNextPage endCursor }`,
 * `totalCount`) for every list that can grow. Paging itself (checking `first`/`after`, cursors, shaping
 * a page) is transport-free, in src/paging/page-request.ts; re-exported here for the resolvers.
 */
import { type ClassType, Field, Int, ObjectType } from 'type-graphql';
import { type PageInfo as PageInfoShape } from '../paging/page-request.js';

export {
  afterKeyFilter,
  checkCursor,
  type Connection,
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  type Edge,
  encodeCursor,
  MAX_PAGE_SIZE,
  type PageRequest,
  pageRequest,
  toConnection,
} from '../paging/page-request.js';

// simpleResolvers: plain fields take no arguments, so they skip the global middlewares (input caps)
// that would otherwise run for every field of every row.
@ObjectType('PageInfo', { simpleResolvers: true, description: 'Where this page sits in the whole list.' })
export class PageInfo implements PageInfoShape {
  @Field(() => Boolean, { description: 'True when more rows follow this page: ask again with `after: endCursor`.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

/** The GraphQL types `<Name>Connection` and `<Name>Edge` for a node type. */
export function connectionTypes<T extends object>(name: string, node: ClassType<T>, what = `${name} rows`) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true, description: `One row of a page of ${what}: the row and its cursor.` })
  class EdgeType {
    @Field(() => node, { description: 'The row itself.' })
    node!: T;

    @Field(() => String, { description: 'Opaque position of this row: pass it as `after` to continue after it.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { simpleResolvers: true, description: `A page of ${what} (cursor pagination: \`first\` rows after the \`after\` cursor).` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The rows of this page, in the order of the list.' })
    edges!: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more rows follow, and the cursor to ask for them.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filters, across all pages.' })
    totalCount!: number;
  }
  return { EdgeType, ConnectionType };
}
