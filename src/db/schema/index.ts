// The drizzle schema: the shared tables (groups, communities, people, audit, deliveries) in core.ts, and each
// feature's own in src/features/<name>/schema.ts, exported here so one client and one migrations folder serve all.
export * from './core.js';
export * from '../../features/faq/schema.js';
export * from '../../features/communities/schema.js';
export * from '../../features/alerts/schema.js';
export * from '../../features/help-requests/schema.js';
export * from '../../features/bridges/schema.js';
export * from '../../features/events/schema.js';
export * from '../../features/addresses/schema.js';
export * from '../../features/moderation/schema.js';
