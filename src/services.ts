// What stages and command handlers reach through ctx.services. Built once in main.ts (or the test harness).
import type { Redis } from 'ioredis';
import type { CommandRegistry } from './core/command.js';
import type { Db } from './db/client.js';
import type { AuditRepository } from './db/audit.js';
import type { DeliveryRepository } from './db/deliveries.js';
import type { GroupDefaults, GroupRepository } from './db/groups.js';
import type { PeopleRepository } from './db/people.js';
import type { CachedRoleLookup } from './roles.js';

declare module './core/context.js' {
  interface Services {
    db: Db;
    redis: Redis;
    /** Redis key prefix of this deployment (tests use a unique one each). */
    prefix: string;
    groups: GroupRepository;
    audit: AuditRepository;
    people: PeopleRepository;
    deliveries: DeliveryRepository;
    commands: CommandRegistry;
    roles: CachedRoleLookup;
    defaults: GroupDefaults;
  }
}

export {};
