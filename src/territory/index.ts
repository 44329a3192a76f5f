export * from './provinces.ts';
export * from './communes.ts';
