import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84, haversineMeters, walkingDirection, wgs84ToGcj02 } from './aeds.ts';

describe('WGS-84 → GCJ-02', () => {
  it('matches the published reference point in Beijing (116.404, 39.915)', () => {
    // The value every implementation of the public algorithm is checked against.
    const g = wgs84ToGcj02({ lat: 39.915, lng: 116.404 });
    expect(g.lng).toBeCloseTo(116.41024449916938, 9);
    expect(g.lat).toBeCloseTo(39.91640428150164, 9);
  });

  it('shifts a point in 无锡 by a few hundred metres, mostly east, as AMap shows it', () => {
    const wgs = { lat: 31.5766, lng: 120.3002 };
    const g = wgs84ToGcj02(wgs);
    const shift = haversineMeters(wgs, g);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
    expect(g.lng).toBeGreaterThan(wgs.lng);
  });

  it('is the identity outside China (London, Tokyo, Sydney)', () => {
    for (const p of [
      { lat: 51.5074, lng: -0.1278 },
      { lat: 35.6762, lng: 139.6503 },
      { lat: -33.8688, lng: 151.2093 },
    ])
      expect(wgs84ToGcj02(p)).toEqual(p);
  });

  it('is undone by gcj02ToWgs84 to within a centimetre anywhere in China', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 18, max: 53, noNaN: true }),
        fc.double({ min: 74, max: 134, noNaN: true }),
        (lat, lng) => {
          const back = gcj02ToWgs84(wgs84ToGcj02({ lat, lng }));
          expect(haversineMeters({ lat, lng }, back)).toBeLessThan(0.01);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('walking directions', () => {
  it('names the compass direction, the distance and the minutes', () => {
    const from = { lat: 31.5766, lng: 120.3002 };
    expect(walkingDirection(from, { lat: 31.5796, lng: 120.3002 }).text).toBe(
      '向北步行约 330 米（约 6 分钟）',
    );
    expect(walkingDirection(from, { lat: 31.5766, lng: 120.3202 }).text).toMatch(/^向东步行约 1\.9 公里/);
    expect(walkingDirection(from, { lat: 31.5736, lng: 120.2967 }).text).toMatch(/^向西南/);
    expect(walkingDirection(from, from).text).toBe('就在附近');
  });
});
