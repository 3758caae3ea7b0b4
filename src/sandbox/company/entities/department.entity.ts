/**
 * Department (shown as Location in the QBO UI): hierarchical name list used as DepartmentRef.
 */
import { faults } from '../../faults.js';
import { type EntityRules } from '../entity.rules.js';
import { optionalString } from '../validate.util.js';
import { applyActiveRename, applyHierarchy, assertNameCharacters, assertUniqueName, ordered } from './name-list.shared.js';

export const departmentRules: EntityRules = {
  entity: 'Department',
  kind: 'name',
  schemaType: 'Department',
  computed: ['FullyQualifiedName'],
  lengths: { Name: 100 },
  build(ctx, draft, previous) {
    const name = optionalString(draft, 'Name');
    if (!name) throw faults.requiredMissing('Name');
    assertNameCharacters(name, 'Name');
    assertUniqueName(ctx, [{ entity: 'Department', field: 'FullyQualifiedName' }], name, { entity: 'Department', id: previous?.Id }, 'department');
    applyActiveRename(draft, 'Name');
    applyHierarchy(ctx, 'Department', draft, 'Name', 'SubDepartment', previous?.Id);
    return ordered(draft, ['Name', 'SubDepartment', 'ParentRef', 'FullyQualifiedName', 'Active']);
  },
};
