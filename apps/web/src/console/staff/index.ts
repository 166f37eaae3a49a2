/** What other console modules may use from staff. */
export { GrantTags, UserStatusTag } from './GrantTags.tsx';
