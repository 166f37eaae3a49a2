import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, text } from './common.ts';
import { isValidDateString, mobileSchema } from './validators/index.ts';

const dateString = z.string().refine(isValidDateString, '日期格式应为 YYYY-MM-DD');

// ---- coordinates -------------------------------------------------------------------------------

/**
 * GCJ-02 ("火星坐标"), the obfuscated datum every licensed Chinese map (AMap, Tencent) draws its tiles
 * in. Devices are stored in WGS-84 (what phones' GPS report); markers for a GCJ-02 tile layer are
 * shifted with this. The transform is the published Krasovsky-ellipsoid polynomial; outside mainland
 * China's rough bounding box the datum is plain WGS-84, so the transform is the identity there.
 */
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943;

export interface LatLng {
  lat: number;
  lng: number;
}

export const outOfChina = ({ lat, lng }: LatLng): boolean =>
  lng < 72.004 || lng > 137.8347 || lat < 0.8293 || lat > 55.8271;

function shiftLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function shiftLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

function gcjOffset(p: LatLng): LatLng {
  const x = p.lng - 105;
  const y = p.lat - 35;
  const radLat = (p.lat / 180) * Math.PI;
  const s = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * s * s;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (shiftLat(x, y) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (shiftLng(x, y) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: dLat, lng: dLng };
}

export function wgs84ToGcj02(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  const d = gcjOffset(p);
  return { lat: p.lat + d.lat, lng: p.lng + d.lng };
}

/**
 * The inverse, for a point tapped on a GCJ-02 map. The transform has no closed inverse; a few
 * fixed-point steps bring it below a millimetre (the offset changes slowly across a few hundred metres).
 */
export function gcj02ToWgs84(p: LatLng): LatLng {
  if (outOfChina(p)) return { lat: p.lat, lng: p.lng };
  let guess = { lat: p.lat, lng: p.lng };
  for (let i = 0; i < 6; i++) {
    const back = wgs84ToGcj02(guess);
    guess = { lat: guess.lat + (p.lat - back.lat), lng: guess.lng + (p.lng - back.lng) };
  }
  return guess;
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine on the mean Earth radius; the server orders by the same formula). */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
export const EARTH_MEAN_RADIUS_M = EARTH_RADIUS_M;

const COMPASS = ['北', '东北', '东', '东南', '南', '西南', '西', '西北'] as const;
const COMPASS_EN = ['north', 'north-east', 'east', 'south-east', 'south', 'south-west', 'west', 'north-west'];

/** Initial bearing from a to b, degrees clockwise from north (0–360). */
export function bearingDegrees(a: LatLng, b: LatLng): number {
  const y = Math.sin(rad(b.lng - a.lng)) * Math.cos(rad(b.lat));
  const x =
    Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) -
    Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lng - a.lng));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/** Walking hint a person can follow without a map: "向东北步行约 350 米（约 5 分钟）". */
export function walkingDirection(
  from: LatLng,
  to: LatLng,
  lang: 'zh' | 'en' = 'zh',
): { meters: number; minutes: number; text: string } {
  const meters = haversineMeters(from, to);
  // Streets are not straight lines: walking is ~1.3× the straight distance at ~75 m a minute.
  const minutes = Math.max(1, Math.round((meters * 1.3) / 75));
  const i = Math.round(bearingDegrees(from, to) / 45) % 8;
  const shown = meters < 1000 ? `${Math.round(meters / 10) * 10} 米` : `${(meters / 1000).toFixed(1)} 公里`;
  if (meters < 15) return { meters, minutes: 0, text: lang === 'zh' ? '就在附近' : 'right here' };
  return {
    meters,
    minutes,
    text:
      lang === 'zh'
        ? `向${COMPASS[i]}步行约 ${shown}（约 ${minutes} 分钟）`
        : `walk ${COMPASS_EN[i]} about ${shown.replace(' 米', ' m').replace(' 公里', ' km')} (~${minutes} min)`,
  };
}

export const latitudeSchema = z.coerce
  .number('纬度应为数字')
  .min(-90, '纬度应在 -90 到 90 之间')
  .max(90, '纬度应在 -90 到 90 之间');
export const longitudeSchema = z.coerce
  .number('经度应为数字')
  .min(-180, '经度应在 -180 到 180 之间')
  .max(180, '经度应在 -180 到 180 之间');

// ---- the registry ----------------------------------------------------------------------------

export const AED_VENUE_TYPES = [
  'metro',
  'school',
  'mall',
  'transport',
  'hospital',
  'sports',
  'government',
  'community',
  'scenic',
  'other',
] as const;
export const aedVenueTypeSchema = z.enum(AED_VENUE_TYPES);
export type AedVenueType = z.infer<typeof aedVenueTypeSchema>;
export const AED_VENUE_LABELS: Record<AedVenueType, { zh: string; en: string }> = {
  metro: { zh: '地铁站', en: 'Metro station' },
  school: { zh: '学校', en: 'School' },
  mall: { zh: '商场', en: 'Shopping mall' },
  transport: { zh: '机场/车站', en: 'Airport / station' },
  hospital: { zh: '医院', en: 'Hospital' },
  sports: { zh: '体育场馆', en: 'Sports venue' },
  government: { zh: '政府机关', en: 'Government building' },
  community: { zh: '社区', en: 'Community' },
  scenic: { zh: '景区', en: 'Scenic area' },
  other: { zh: '其他', en: 'Other' },
};

export const AED_STATUSES = ['in_service', 'out_of_service', 'repair'] as const;
export const aedStatusSchema = z.enum(AED_STATUSES);
export type AedStatus = z.infer<typeof aedStatusSchema>;
export const AED_STATUS_LABELS: Record<AedStatus, { zh: string; en: string }> = {
  in_service: { zh: '在用', en: 'In service' },
  out_of_service: { zh: '停用', en: 'Out of service' },
  repair: { zh: '维修', en: 'Under repair' },
};

export const AED_INSPECTION_RESULTS = ['normal', 'abnormal'] as const;
export const aedInspectionResultSchema = z.enum(AED_INSPECTION_RESULTS);
export type AedInspectionResult = z.infer<typeof aedInspectionResultSchema>;
export const AED_INSPECTION_RESULT_LABELS: Record<AedInspectionResult, { zh: string; en: string }> = {
  normal: { zh: '正常', en: 'Normal' },
  abnormal: { zh: '异常', en: 'Fault found' },
};

/** Days ahead at which a battery or pad expiry counts as due (alerts, the due list's default). */
export const AED_DUE_DAYS_DEFAULT = 30;

const serialSchema = z
  .string()
  .trim()
  .min(1, '序列号不能为空')
  .max(60, '序列号不超过 60 个字符')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, '序列号只能包含字母、数字和 . _ / -');

const aedFields = {
  orgId: idSchema,
  serial: serialSchema,
  model: text(100),
  venueType: aedVenueTypeSchema,
  venueName: text(100),
  address: text(200),
  lat: latitudeSchema,
  lng: longitudeSchema,
  ownerUnit: text(100),
  responsibleName: text(50),
  responsibleMobile: mobileSchema,
  installedOn: dateString,
  batteryExpiresOn: dateString,
  padsExpiresOn: dateString,
  status: aedStatusSchema,
};

export const createAedSchema = z.object({ ...aedFields, status: aedStatusSchema.default('in_service') });
export type CreateAedInput = z.infer<typeof createAedSchema>;

/** Any field may change except the society and the serial (a different serial is a different device). */
export const updateAedSchema = z
  .object(aedFields)
  .omit({ orgId: true, serial: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateAedInput = z.infer<typeof updateAedSchema>;

export const AED_DUE_FILTERS = ['overdue', 'due'] as const;
export const listAedsQuerySchema = pageQuerySchema.extend({
  orgId: idSchema.optional(),
  venueType: aedVenueTypeSchema.optional(),
  status: aedStatusSchema.optional(),
  /** overdue: a battery or pads past their date; due: expiring within `withinDays` (or already past). */
  due: z.enum(AED_DUE_FILTERS).optional(),
  withinDays: z.coerce.number().int().min(0).max(3650).default(AED_DUE_DAYS_DEFAULT),
  q: z.string().trim().max(100).optional(),
});
export type ListAedsQuery = z.infer<typeof listAedsQuerySchema>;

export const aedSchema = z.object({
  id: z.number().int(),
  orgId: z.number().int(),
  orgName: z.string(),
  serial: z.string(),
  model: z.string(),
  venueType: aedVenueTypeSchema,
  venueName: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  ownerUnit: z.string(),
  responsibleName: z.string(),
  responsibleMobileMasked: z.string(),
  installedOn: z.string(),
  batteryExpiresOn: z.string(),
  padsExpiresOn: z.string(),
  status: aedStatusSchema,
  lastInspectedOn: z.string().nullable(),
  /** The earlier of the battery and pad dates, and whether it is past (as of the query). */
  nextDueOn: z.string(),
  overdue: z.boolean(),
});
export type Aed = z.infer<typeof aedSchema>;
export const aedPageSchema = pageOf(aedSchema);

export const createAedInspectionSchema = z.object({
  inspectedOn: dateString,
  inspector: text(50),
  result: aedInspectionResultSchema,
  notes: text(500).optional(),
  /** A battery or pads replaced at this visit: their new expiry dates. */
  batteryExpiresOn: dateString.optional(),
  padsExpiresOn: dateString.optional(),
});
export type CreateAedInspectionInput = z.infer<typeof createAedInspectionSchema>;

export const aedInspectionSchema = z.object({
  id: z.number().int(),
  deviceId: z.number().int(),
  inspectedOn: z.string(),
  inspector: z.string(),
  result: aedInspectionResultSchema,
  notes: z.string().nullable(),
  recordedBy: z.string(),
});
export type AedInspection = z.infer<typeof aedInspectionSchema>;

export const aedDetailSchema = aedSchema.extend({ inspections: z.array(aedInspectionSchema) });
export type AedDetail = z.infer<typeof aedDetailSchema>;

// ---- import ----------------------------------------------------------------------------------

export const AED_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const aedImportSchema = z.object({
  orgId: idSchema,
  fileName: text(200).refine((n) => /\.xlsx$/i.test(n), '请上传 .xlsx 文件'),
  contentBase64: z
    .string()
    .min(1, '文件为空')
    .max(Math.ceil((AED_IMPORT_MAX_BYTES * 4) / 3), '文件不能超过 5 MB'),
});
export type AedImportInput = z.infer<typeof aedImportSchema>;

export const aedImportErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  /** "第 6 行「纬度」：应在 -90 到 90 之间", ready to show. */
  text: z.string(),
});
export type AedImportError = z.infer<typeof aedImportErrorSchema>;

export const aedImportResultSchema = z.object({
  totalRows: z.number().int(),
  validRows: z.number().int(),
  errorRows: z.number().int(),
  /** Valid rows whose serial the society already has (skipped: an import never creates a device twice). */
  existing: z.number().int(),
  /** Devices created (0 in a preview). */
  created: z.number().int(),
  committed: z.boolean(),
  errors: z.array(aedImportErrorSchema),
  sample: z.array(
    z.object({
      row: z.number().int(),
      serial: z.string(),
      venueName: z.string(),
      address: z.string(),
      existing: z.boolean(),
    }),
  ),
});
export type AedImportResult = z.infer<typeof aedImportResultSchema>;

// ---- the public ------------------------------------------------------------------------------

export const nearestAedsQuerySchema = z.object({
  lat: latitudeSchema,
  lng: longitudeSchema,
  limit: z.coerce.number().int().min(1, '至少 1 台').max(50, '最多 50 台').default(10),
});
export type NearestAedsQuery = z.infer<typeof nearestAedsQuerySchema>;

/** What the public sees of a device: where it is and how far; never who is responsible for it. */
export const publicAedSchema = z.object({
  id: z.number().int(),
  venueType: aedVenueTypeSchema,
  venueName: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  orgName: z.string(),
  distanceMeters: z.number(),
});
export type PublicAed = z.infer<typeof publicAedSchema>;

export const aedMapConfigSchema = z.object({
  /** Leaflet tile template ({z}/{x}/{y}, optionally {s}). */
  tileUrl: z.string(),
  tileSubdomains: z.string(),
  /** The datum the tiles are drawn in: markers are shifted to GCJ-02 for Chinese tiles. */
  tileCoords: z.enum(['gcj02', 'wgs84']),
  attribution: z.string(),
  /** Places to choose when the browser's location is refused: each society with devices, at their centre. */
  areas: z.array(
    z.object({
      orgId: z.number().int(),
      name: z.string(),
      lat: z.number(),
      lng: z.number(),
      devices: z.number(),
    }),
  ),
});
export type AedMapConfig = z.infer<typeof aedMapConfigSchema>;

export const aedDueListQuerySchema = z.object({
  orgId: idSchema.optional(),
  withinDays: z.coerce.number().int().min(0).max(3650).default(AED_DUE_DAYS_DEFAULT),
});
export type AedDueListQuery = z.infer<typeof aedDueListQuerySchema>;

export const aedDueItemSchema = z.object({
  device: aedSchema,
  part: z.enum(['battery', 'pads']),
  dueOn: z.string(),
  /** Negative: overdue by that many days. */
  daysLeft: z.number().int(),
});
export const aedDueListSchema = z.array(aedDueItemSchema);
export type AedDueItem = z.infer<typeof aedDueItemSchema>;
