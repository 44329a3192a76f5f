import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../tests/support/test-app.ts';
import { givenPlace } from '../../../tests/support/places.ts';
import { communes } from '../../territory/index.ts';
import { places } from './places.schema.ts';
import { boundingBox, noFilters, searchPlaces, type HoursCheck, type PlaceFilters } from './places.search.ts';

const always: HoursCheck = { isOpenNow: () => true, opensAtWeekend: () => true };

describe('place search kept in memory', () => {
  let t: TestApp;
  before(async () => {
    t = await testApp();
  });
  after(() => t.close());

  async function names(filters: PlaceFilters, hours: HoursCheck = always): Promise<string[]> {
    const result = await searchPlaces(t.database.db, filters, { page: 1, perPage: 50, hours });
    const rows = await t.database.db.select({ id: places.id, name: places.name }).from(places);
    const byId = new Map(rows.map((r) => [r.id, r.name]));
    return result.hits.map((h) => byId.get(h.id) ?? '?');
  }

  it('sees a new place, a renamed place and a merged place at once, in the same search', async () => {
    const words = { ...noFilters, words: 'cyberbase' };
    assert.deepEqual(await names(words), []);
    const first = await givenPlace(t.database, { name: 'Cyberbase de Thio', communeCode: '98829', postcode: '98829' });
    assert.deepEqual(await names(words), ['Cyberbase de Thio']);
    await t.database.db.update(places).set({ searchText: 'mediatheque de thio' }).where(eq(places.id, first));
    assert.deepEqual(await names(words), []);
    const second = await givenPlace(t.database, { name: 'Cyberbase de Poum', communeCode: '98826', postcode: '98826' });
    assert.deepEqual(await names(words), ['Cyberbase de Poum']);
    await t.database.db.update(places).set({ mergedInto: first }).where(eq(places.id, second));
    assert.deepEqual(await names(words), []);
  });

  it('checks the hours at each request, not when the search was first made', async () => {
    await givenPlace(t.database, { name: 'Point numérique de Yaté', communeCode: '98832', postcode: '98834', openingHours: 'Mo-Fr 08:00-12:00' });
    const open = { ...noFilters, words: 'yate', openNow: true };
    assert.deepEqual(await names(open, { ...always, isOpenNow: () => true }), ['Point numérique de Yaté']);
    assert.deepEqual(await names(open, { ...always, isOpenNow: () => false }), []);
  });

  it('counts every match and cuts the pages from the same list', async () => {
    for (let i = 0; i < 5; i++) await givenPlace(t.database, { name: `Atelier de Sarraméa ${i}`, communeCode: '98828', postcode: '98880' });
    const filters = { ...noFilters, words: 'atelier sarramea' };
    const pageOne = await searchPlaces(t.database.db, filters, { page: 1, perPage: 2, hours: always });
    const pageThree = await searchPlaces(t.database.db, filters, { page: 3, perPage: 2, hours: always });
    assert.equal(pageOne.total, 5);
    assert.equal(pageOne.pages, 3);
    assert.equal(pageThree.hits.length, 1);
    assert.ok(!pageOne.hits.some((h) => pageThree.hits.some((o) => o.id === h.id)));
  });
});

describe('bounding box of a distance', () => {
  function haversine(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
    const r = (d: number) => (d * Math.PI) / 180;
    const h = Math.sin(r(b.latitude - a.latitude) / 2) ** 2 + Math.cos(r(a.latitude)) * Math.cos(r(b.latitude)) * Math.sin(r(b.longitude - a.longitude) / 2) ** 2;
    return 6371 * 2 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  it('holds every point within the distance, in every direction, from every commune', () => {
    for (const origin of communes) {
      for (const km of [10, 30, 60, 100]) {
        const box = boundingBox(origin, km);
        assert.ok(box, origin.name);
        for (let bearing = 0; bearing < 360; bearing += 5) {
          // The point at exactly `km` in that direction (spherical destination formula).
          const d = km / 6371;
          const b = (bearing * Math.PI) / 180;
          const lat1 = (origin.latitude * Math.PI) / 180;
          const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
          const lon2 = (origin.longitude * Math.PI) / 180 + Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
          const point = { latitude: (lat2 * 180) / Math.PI, longitude: (lon2 * 180) / Math.PI };
          assert.ok(haversine(origin, point) <= km + 1e-6);
          assert.ok(point.latitude >= box.south && point.latitude <= box.north, `${origin.name} ${km} km ${bearing}°`);
          assert.ok(point.longitude >= box.west && point.longitude <= box.east, `${origin.name} ${km} km ${bearing}°`);
        }
      }
    }
  });

  it('gives no box across the antimeridian, where it would not be one range', () => {
    assert.equal(boundingBox({ latitude: -17, longitude: 179.9 }, 30), null);
  });
});
