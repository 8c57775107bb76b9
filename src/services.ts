// The shared members of ctx.services, built by app.ts before the features'. Each feature declares its own members
// beside its code (src/features/<name>/index.ts).
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CommandRegistry } from './core/command.js';
import type { Platform } from './core/envelope.js';
import type { Db } from './db/client.js';
import type { AuditRepository } from './db/audit.js';
import type { DeliveryRepository } from './db/deliveries.js';
import type { GroupDefaults, GroupRepository } from './db/groups.js';
import type { PeopleRepository } from './db/people.js';
import type { CachedRoleLookup } from './roles.js';
import type { DeliveryJob } from './queue/payloads.js';

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
    /** A platform's delivery queue, to read the state of a delivery job (receipts). */
    deliveryQueue: (platform: Platform) => Queue<DeliveryJob>;
  }
}

export {};
