import { pgEnum } from 'drizzle-orm/pg-core';
import { roles } from './roles.ts';

export const roleEnum = pgEnum('role', roles);
