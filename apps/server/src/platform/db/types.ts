import { customType } from 'drizzle-orm/pg-core';

/** Binary file content (attachments, photos). Both drivers hand back a Uint8Array; we use Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => Buffer.from(v),
});
