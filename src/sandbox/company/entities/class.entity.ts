/**
 * Class: hierarchical name list used as ClassRef on transactions or lines.
 */
import { faults } from '../../faults.js';
import { type EntityRules } from '../entity.rules.js';
import { optionalString } from '../validate.util.js';
import { applyActiveRename, applyHierarchy, assertNameCharacters, assertUniqueName, ordered } from './name-list.shared.js';

export const classRules: EntityRules = {
  entity: 'Class',
  kind: 'name',
  schemaType: 'Class',
  computed: ['FullyQualifiedName'],
  lengths: { Name: 100 },
  build(ctx, draft, previous) {
    const name = optionalString(draft, 'Name');
    if (!name) throw faults.requiredMissing('Name');
    assertNameCharacters(name, 'Name');
    assertUniqueName(ctx, [{ entity: 'Class', field: 'FullyQualifiedName' }], name, { entity: 'Class', id: previous?.Id }, 'class');
    applyActiveRename(draft, 'Name');
    applyHierarchy(ctx, 'Class', draft, 'Name', 'SubClass', previous?.Id);
    return ordered(draft, ['Name', 'SubClass', 'ParentRef', 'FullyQualifiedName', 'Active']);
  },
};
