/**
 * A LIKE pattern matching `text` literally: `%`, `_` and `\` typed by a user are data, not wildcards
 * (otherwise searching for "100%" or "_" would match everything).
 */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
export const containsPattern = (text: string) => `%${likeLiteral(text)}%`;
