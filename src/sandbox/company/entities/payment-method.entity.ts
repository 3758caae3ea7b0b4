/**
 * PaymentMethod: Name (≤31, unique) and Type CREDIT_CARD | NON_CREDIT_CARD.
 */
import { faults } from '../../faults.js';
import { type EntityRules } from '../entity.rules.js';
import { oneOf, optionalString } from '../validate.util.js';
import { applyActiveRename, assertUniqueName, ordered } from './name-list.shared.js';

export const paymentMethodRules: EntityRules = {
  entity: 'PaymentMethod',
  kind: 'name',
  schemaType: 'PaymentMethod',
  lengths: { Name: 31 },
  build(ctx, draft, previous) {
    const name = optionalString(draft, 'Name');
    if (!name) throw faults.requiredMissing('Name');
    assertUniqueName(ctx, [{ entity: 'PaymentMethod', field: 'Name' }], name, { entity: 'PaymentMethod', id: previous?.Id }, 'payment method');
    draft.Type = oneOf(draft.Type ?? 'NON_CREDIT_CARD', ['CREDIT_CARD', 'NON_CREDIT_CARD'] as const, 'Type');
    applyActiveRename(draft, 'Name');
    return ordered(draft, ['Name', 'Active', 'Type']);
  },
};
