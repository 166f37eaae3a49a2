import { sql, type SQL } from 'drizzle-orm';

/**
 * Many rows as a relation inside one statement, sent as ONE array parameter per column
 * (`unnest($1::int[], $2::text[], …)`) instead of one parameter per cell. Why: a batch of hundreds of
 * rows as `VALUES (…), (…)` is thousands of SQL fragments and parameters, and building and binding
 * them cost the server more than the database spent running the statement.
 *
 * `columns` maps each column name to its PostgreSQL type; `rows` are read by those names, in order.
 * Use it as `from ${rowsOf(…)}` or in `with x as ${rowsOf(…)}`.
 */
export function rowsOf<C extends string>(
  columns: Record<C, string>,
  rows: readonly Record<C, unknown>[],
): SQL {
  const names = Object.keys(columns) as C[];
  const arrays = names.map(
    (name) => sql`${sql.param(rows.map((r) => r[name] ?? null))}::${sql.raw(columns[name])}[]`,
  );
  return sql`(select * from unnest(${sql.join(arrays, sql`, `)}) as t (${sql.raw(names.join(', '))}))`;
}
