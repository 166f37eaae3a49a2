/** 捐赠查询 (donor self-service) as the app registers it; other modules need nothing from here. */
export { myGiftsRoutes } from './routes.ts';
export { seedDemoMyGifts } from './demo.ts';
export { startDonorPortalJobs } from './jobs.ts';
export { rotateSmsPii } from '../../platform/sms/index.ts';
/** Attempt counters for public endpoints that answer guesses (used by training's certificate check). */
export { countAttempt, type ThrottleRule } from './throttle.ts';
