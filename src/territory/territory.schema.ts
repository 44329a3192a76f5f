import { doublePrecision, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { provinces } from './provinces.ts';

export const provinceEnum = pgEnum('province', provinces);

/** Reference table filled from communes.csv at every start, so that SQL can join and check codes. */
export const communesTable = pgTable('communes', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  province: provinceEnum('province').notNull(),
  latitude: doublePrecision('latitude').notNull(),
  longitude: doublePrecision('longitude').notNull(),
});
