/** What other console pages use of disbursements. */
export { AppealFundCell } from './AppealFundCell.tsx';
export { disbursementsDict } from './dict.ts';
