/**
 * Express middleware: a response leaves only once every change the simulator made so far is on disk. It
 * wraps `res.end` (where every Express answer ends, `res.send`, `res.json` and redirects alike), so no
 * route has to remember it. When saving fails the connection is dropped instead of answered: to the
 * client that is a lost response, which it retries (with its requestid), never an answer about data the
 * simulator could forget.
 */
import { type NextFunction, type Request, type Response } from 'express';

export interface Durability {
  readonly pending: boolean;
  durable(): Promise<void>;
}

export function holdUntilDurable(durability: Durability) {
  return (_req: Request, res: Response, next: NextFunction): void => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      if (!durability.pending) return end(...args);
      durability.durable().then(
        () => end(...args),
        () => res.destroy(),
      );
      return res;
    }) as Response['end'];
    next();
  };
}
