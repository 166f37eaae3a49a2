/** What other console modules may use from orgs. */
export { OrgTreeSelect } from './OrgTreeSelect.tsx';
export { OrgFormItem } from './OrgFormItem.tsx';
export { LevelTag } from './LevelTag.tsx';
export { useOrgs, ORGS_KEY } from './api.ts';
