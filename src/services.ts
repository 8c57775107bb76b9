// What stages and command handlers reach through ctx.services. Built once in main.ts (or the test harness).
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { AlertRepository } from './alerts/repository.js';
import type { CommunityRepository } from './communities/repository.js';
import type { BridgeService } from './bridge/service.js';
import type { CodeAttempts } from './codes/attempts.js';
import type { CodeGrants } from './codes/grants.js';
import type { CommandRegistry } from './core/command.js';
import type { Platform } from './core/envelope.js';
import type { Db } from './db/client.js';
import type { AuditRepository } from './db/audit.js';
import type { DeliveryRepository } from './db/deliveries.js';
import type { GroupDefaults, GroupRepository } from './db/groups.js';
import type { PeopleRepository } from './db/people.js';
import type { FaqService } from './faq/service.js';
import type { HelpService } from './help/service.js';
import type { GroupRules } from './rules/service.js';
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
    bridge: BridgeService;
    faq: FaqService;
    rules: GroupRules;
    /** Communities: `communityOf(groupId)`, `groupsOf(communityId)`, create/join/leave/codes. */
    communities: CommunityRepository;
    alerts: AlertRepository;
    /** A platform's delivery queue, to read the state of a delivery job (receipts). */
    deliveryQueue: (platform: Platform) => Queue<DeliveryJob>;
    /** Help requests: posting, offers, closing, the expiry sweep. */
    help: HelpService;
    /** Codes that link or join, given privately to the person who asked (and through `/start` deep links). */
    codeGrants: CodeGrants;
    /** Wrong codes per chat and per person. */
    codeAttempts: CodeAttempts;
  }
}

export {};
