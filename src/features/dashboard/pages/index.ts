// The dashboard's group pages, in menu order. A feature adds its page (events, addresses, reports...) by writing a
// DashboardPage (see web/env.ts), in its own folder if it likes, and listing it here: its routes live under
// /dashboard/g/<group>/<name>, its menu entry appears for people whose role allows it.
import type { DashboardPage } from '../web/env.js';
import { addressesPageOfDashboard } from './addresses.js';
import { alertsPage } from './alerts.js';
import { auditPage } from './audit.js';
import { eventsPage } from './events.js';
import { faqPage } from './faq.js';
import { requestsPage } from './requests.js';
import { settingsPage } from './settings.js';

export const PAGES: DashboardPage[] = [settingsPage, faqPage, requestsPage, eventsPage, addressesPageOfDashboard, alertsPage, auditPage];
