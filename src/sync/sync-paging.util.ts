import { UserInputError } from '../errors/domain.errors.js';
import { type PageRequest } from '../paging/page-request.js';

/** The id a newest-first page continues before (the last row's id), checked: a cursor this list did not return is refused. */
export function beforeIdCursor(page: PageRequest): string | undefined {
  if (!page.after) return undefined;
  const [id] = page.after;
  if (page.after.length !== 1 || typeof id !== 'string' || !/^[0-9a-f]{24}$/i.test(id)) {
    throw new UserInputError('after is not a cursor returned by this list.', [{ path: ['after'], message: 'is not a valid cursor' }]);
  }
  return id;
}
