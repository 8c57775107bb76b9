// The drizzle schema, one file per area. A feature adds its tables in its own file and exports it here.
export * from './core.js';
export * from './faq.js';
export * from './communities-codes.js';
export * from './alerts.js';
export * from './help.js';
export * from './bridge.js';
