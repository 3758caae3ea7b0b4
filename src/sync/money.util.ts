/**
 * Transitional: the names the push code has always imported, now served by the one money module
 * (src/money/money.ts; `cents` is its `money`). Only the pushers' files (issue #15, split on their
 * own branch) still import this file (.dependency-cruiser.cjs holds it to them); the lead points them
 * at src/money/money.ts and removes this file after both branches land.
 */
export { dec, fromQboAmount, money as cents, toQboAmount } from '../money/money.js';
