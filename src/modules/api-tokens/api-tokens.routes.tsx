import { Hono } from 'hono';
import type { AppEnv } from '../../platform/http/env.ts';

export const apiTokenRoutes = new Hono<AppEnv>();
