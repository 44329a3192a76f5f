import type { Hono } from 'hono';
import type { AppEnv } from '../platform/http/env.ts';
import { siteRoutes } from './site/site.routes.tsx';
import { accountRoutes } from './accounts/index.ts';
import { organisationRoutes } from './organisations/index.ts';
import { auditRoutes } from './audit/audit.routes.tsx';
import { outboxRoutes } from './outbox/outbox.routes.tsx';
import { apiTokenRoutes } from './api-tokens/api-tokens.routes.tsx';
import { caseLabelRoutes } from './case-label/index.ts';
import { apiRoutes } from '../platform/api/index.ts';
import { placesPublicRoutes } from './places/places.routes.tsx';
import { placeManageRoutes } from './places/places.manage.routes.tsx';
import { placeDataRoutes } from './places/places.data.routes.tsx';
import { beneficiaryRoutes } from './beneficiaries/index.ts';
import { activityRoutes } from './activities/index.ts';
import { catalogueRoutes } from './activities/catalogue/index.ts';
import { statisticsRoutes } from './activities/statistics/index.ts';
import { teamRoutes } from './teams/index.ts';
import { appointmentAgencyRoutes, appointmentPublicRoutes } from './appointments/index.ts';

import { workshopManageRoutes, workshopPublicRoutes } from './workshops/index.ts';
import { dayRoutes, feedbackRoutes, reportingRoutes } from './workshops/day/index.ts';
/** Every module's routes, mounted at the root by app.ts. */
export const moduleRoutes: Hono<AppEnv>[] = [siteRoutes, accountRoutes, organisationRoutes, auditRoutes, outboxRoutes, apiTokenRoutes, caseLabelRoutes, placesPublicRoutes, placeDataRoutes, placeManageRoutes, beneficiaryRoutes, activityRoutes, catalogueRoutes, statisticsRoutes, teamRoutes, appointmentPublicRoutes, appointmentAgencyRoutes, workshopPublicRoutes, workshopManageRoutes, dayRoutes, feedbackRoutes, reportingRoutes, apiRoutes];
