import type { Harness } from '../../testing/harness.ts';

/** The permission matrix's vocabulary, shared by the per-module row files in this folder. */
export type Req = { method: string; url: string; body?: unknown };
export type Check =
  | { kind: 'self' } // acts only on the caller's own account
  | { kind: 'public' }
  | { kind: 'row'; req: (ids: Ids) => Req; missing: (ids: Ids) => Req } // single foreign row → same answer as a missing row
  | { kind: 'create'; req: (ids: Ids) => Req } // create inside foreign society → refused
  | { kind: 'list'; req: (ids: Ids) => Req; leak: (body: string, forbidden: RegExp) => boolean };

/** Ids of 梁溪区's own rows (and the societies around it) that the checks aim at. */
export type Ids = Record<string, number>;

export const MISSING = 2_000_000_000;

/** A module's rows, and how it finds (or makes, as 梁溪区's administrator) the rows they aim at. */
export interface MatrixPart {
  rows: Record<string, Check>;
  /** Tables whose every row must be unchanged after the foreign users' attempts. */
  tables: string[];
  ids?: (ctx: {
    h: Harness;
    orgs: Record<string, number>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the JSON of any endpoint
    get: (url: string) => Promise<any>;
  }) => Promise<Ids>;
}

export const list = (url: string): Check => ({
  kind: 'list',
  req: () => ({ method: 'GET', url }),
  leak: (b, re) => re.test(b),
});

/** A single row: `path` aims at 梁溪区's row, `missingPath` at one that does not exist. */
export const row = (
  method: string,
  path: (i: Ids) => string,
  missingPath: (i: Ids) => string,
  body?: (i: Ids) => unknown,
): Check => ({
  kind: 'row',
  req: (i) => ({ method, url: path(i), ...(body ? { body: body(i) } : {}) }),
  missing: (i) => ({ method, url: missingPath(i), ...(body ? { body: body(i) } : {}) }),
});

export const create = (method: string, url: string, body: (i: Ids) => unknown): Check => ({
  kind: 'create',
  req: (i) => ({ method, url, body: body(i) }),
});
