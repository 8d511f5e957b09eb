import * as s from './schemas';
import * as y from './sync';

const STAFF = ['clerk', 'admin'] as const;
const ADMIN = ['admin'] as const;

/** The hub's sync endpoints (status for the counter and /admin, set-up and "sync now" for the admin). */
export const syncRoutes = {
  syncStatus: { method: 'GET', path: '/sync/status', roles: ['counter', ...STAFF], summary: 'Sync with the district server: online, last push and pull, outbox depth, rejected count, last error', response: y.syncStatusSchema },
  syncEnrol: { method: 'POST', path: '/sync/enrol', roles: ADMIN, summary: "Enrol this hub with the district server (its URL and a one-time code)", body: y.syncEnrolBody, response: y.syncStatusSchema },
  syncNow: { method: 'POST', path: '/sync/now', roles: STAFF, summary: 'Push and pull now', response: y.syncStatusSchema },
  syncRejected: { method: 'GET', path: '/sync/rejected', roles: STAFF, summary: 'Changes the district server refused for good, with its reason', response: y.rejectedListResponse },
  syncRejectedResolve: { method: 'POST', path: '/sync/rejected/:id/resolve', roles: ADMIN, summary: 'Mark a refused change as dealt with', params: s.idParam, response: s.okSchema },
} as const;
