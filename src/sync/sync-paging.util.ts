/** Newest-first cursor paging by ObjectId (runs and issues): the cursor is the last row's id. */
import { Types } from 'mongoose';
import { UserInputError } from '../graphql/errors.js';
import { type PageRequest } from '../graphql/pagination.js';

export function beforeIdFilter(page: PageRequest): Record<string, unknown> {
  if (!page.after) return {};
  const [id] = page.after;
  if (page.after.length !== 1 || typeof id !== 'string' || !Types.ObjectId.isValid(id)) {
    throw new UserInputError('after is not a cursor returned by this list.', [{ path: ['after'], message: 'is not a valid cursor' }]);
  }
  return { _id: { $lt: new Types.ObjectId(id) } };
}
