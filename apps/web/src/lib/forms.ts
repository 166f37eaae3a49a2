import type { FormInstance } from 'antd';
import type { Rule } from 'antd/es/form';
import type { z } from 'zod';
import type { FieldError } from '@boai/contracts';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

/**
 * An antd form rule from a contract schema, so a field is checked as the user types with the very rule the server applies.
 * Empty values pass: whether a field is required is said with `required` on the Form.Item, in the UI's language.
 */
export function zodRule(schema: z.ZodType): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (isEmpty(value)) return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? 'invalid');
    },
  };
}

/** `grants.0.roleId` → `['grants', 0, 'roleId']`, the name path antd forms use. */
export function fieldPath(field: string): (string | number)[] {
  // Contract validation names where the field was (`body.idCard`); the form only knows `idCard`.
  const local = field.replace(/^(body|querystring|params|headers)\./, '');
  return local.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Puts the server's per-field messages under the form's fields (unknown names are harmless). */
export function applyFieldErrors(form: FormInstance | undefined, fields: FieldError[]): void {
  if (!form || fields.length === 0) return;
  form.setFields(fields.map((f) => ({ name: fieldPath(f.field), errors: [f.message] })));
}

/** Drops empty strings so optional fields left blank are not sent as "". */
export function compact<T extends Record<string, unknown>>(values: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (!isEmpty(v)) out[k] = v;
  return out as Partial<T>;
}
