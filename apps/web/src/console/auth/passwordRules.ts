import type { Rule } from 'antd/es/form';
import type { PasswordPolicy } from './api.ts';

/** Counts the character classes the policy talks about: lowercase, uppercase, digits, symbols. */
export function passwordClasses(pw: string): number {
  return [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/].filter((re) => re.test(pw)).length;
}

type Messages = { tooShort: string; classes: (have: number) => string };

/** A form rule checking a new password against the server's policy while the user types (the server checks again). */
export function passwordPolicyRule(policy: PasswordPolicy | undefined, messages: Messages): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (!policy || typeof value !== 'string' || value === '') return;
      if (value.length < policy.minLength) throw new Error(messages.tooShort);
      const have = passwordClasses(value);
      if (have < policy.minClasses) throw new Error(messages.classes(have));
    },
  };
}
