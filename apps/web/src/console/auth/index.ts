/** What other console modules may use from auth. */
export { useMe, useCan, usePasswordPolicy, authApi, ME_KEY } from './api.ts';
export { NewPasswordFields } from './NewPasswordFields.tsx';
export { TotpCodeField } from './TotpCodeField.tsx';
export { TotpEnrolment } from './TotpEnrolment.tsx';
export { authDict } from './dict.ts';
