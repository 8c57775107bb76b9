// The drizzle schema, one file per area. A feature adds its tables in its own file and exports it here.
export * from './core.js';
