import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/modules/places/places.csv.ts';

// A validator for Frictionless table schemas (the subset the national standard uses): column order, required
// fields, patterns, enumerations, lengths, types, uniqueness. It reads the schema file, so that a change of the
// standard shows up as a failing test rather than a silent drift.

type Constraints = { required?: boolean; unique?: boolean; pattern?: string; enum?: string[]; minLength?: number; maxLength?: number };
export type SchemaField = { name: string; type: string; format?: string; constraints?: Constraints };
export type TableSchema = { fields: SchemaField[] };
export type Violation = { row: number; column: string; message: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readConstraints(value: unknown): Constraints {
  if (!isObject(value)) return {};
  const c: Constraints = {};
  if (typeof value.required === 'boolean') c.required = value.required;
  if (typeof value.unique === 'boolean') c.unique = value.unique;
  if (typeof value.pattern === 'string') c.pattern = value.pattern;
  if (Array.isArray(value.enum)) c.enum = value.enum.filter((v): v is string => typeof v === 'string');
  if (typeof value.minLength === 'number') c.minLength = value.minLength;
  if (typeof value.maxLength === 'number') c.maxLength = value.maxLength;
  return c;
}

/** Reads a table schema file (JSON), keeping what validation needs. */
export function loadTableSchema(path: string): TableSchema {
  const data: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isObject(data) || !Array.isArray(data.fields)) throw new Error(`${path}: not a table schema`);
  const fields = data.fields.map((f): SchemaField => {
    if (!isObject(f) || typeof f.name !== 'string' || typeof f.type !== 'string') throw new Error(`${path}: field without name or type`);
    return { name: f.name, type: f.type, ...(typeof f.format === 'string' ? { format: f.format } : {}), constraints: readConstraints(f.constraints) };
  });
  return { fields };
}

const numberShape = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Checks one non-empty cell against its field: type, pattern (the whole value must match), enum, lengths. */
export function checkCell(field: SchemaField, value: string): string | null {
  const c = field.constraints ?? {};
  switch (field.type) {
    case 'number':
      if (!numberShape.test(value)) return `« ${value} » n’est pas un nombre`;
      break;
    case 'integer':
      if (!/^[+-]?\d+$/.test(value)) return `« ${value} » n’est pas un entier`;
      break;
    case 'boolean':
      if (!['true', 'false', 'True', 'False', 'TRUE', 'FALSE', '1', '0'].includes(value)) return `« ${value} » n’est pas un booléen`;
      break;
    case 'date':
      if (!isValidDate(value)) return `« ${value} » n’est pas une date AAAA-MM-JJ`;
      break;
    case 'string':
      break;
    default:
      return `type ${field.type} non pris en charge par le validateur`;
  }
  if (c.pattern !== undefined && !new RegExp(`^(?:${c.pattern})$`, 'u').test(value)) return `« ${value.slice(0, 80)} » ne respecte pas le motif ${c.pattern.slice(0, 60)}`;
  if (c.enum !== undefined && !c.enum.includes(value)) return `« ${value} » n’est pas une valeur permise`;
  const length = [...value].length;
  if (c.minLength !== undefined && length < c.minLength) return `${length} caractères, ${c.minLength} au moins`;
  if (c.maxLength !== undefined && length > c.maxLength) return `${length} caractères, ${c.maxLength} au plus`;
  return null;
}

function checkRows(schema: TableSchema, rows: Map<string, string>[], firstRow: number): Violation[] {
  const violations: Violation[] = [];
  const seen = new Map<string, Set<string>>();
  rows.forEach((cells, i) => {
    const row = firstRow + i;
    for (const field of schema.fields) {
      const value = cells.get(field.name) ?? '';
      if (value === '') {
        if (field.constraints?.required) violations.push({ row, column: field.name, message: 'valeur obligatoire absente' });
        continue;
      }
      const problem = checkCell(field, value);
      if (problem) violations.push({ row, column: field.name, message: problem });
      if (field.constraints?.unique) {
        const values = seen.get(field.name) ?? new Set<string>();
        if (values.has(value)) violations.push({ row, column: field.name, message: `« ${value} » en double` });
        values.add(value);
        seen.set(field.name, values);
      }
    }
  });
  return violations;
}

/** Validates a CSV file: header equal to the schema's fields in order, same cell count on every row, every cell. */
export function validateCsv(schema: TableSchema, text: string): Violation[] {
  const [header, ...body] = parseCsv(text);
  const expected = schema.fields.map((f) => f.name);
  if (!header || header.join(',') !== expected.join(',')) {
    return [{ row: 1, column: '*', message: `en-tête ${JSON.stringify(header)} au lieu de ${JSON.stringify(expected)}` }];
  }
  const violations: Violation[] = [];
  body.forEach((cells, i) => {
    if (cells.length !== header.length) violations.push({ row: i + 2, column: '*', message: `${cells.length} cellules au lieu de ${header.length}` });
  });
  const rows = body.map((cells) => new Map(header.map((name, j) => [name, cells[j] ?? ''])));
  return [...violations, ...checkRows(schema, rows, 2)];
}

/**
 * Validates a JSON export: an array of objects whose keys are the schema's fields in order (extra keys refused);
 * numbers must be JSON numbers, other types strings; null is an empty cell.
 */
export function validateJson(schema: TableSchema, text: string): Violation[] {
  const data: unknown = JSON.parse(text);
  if (!Array.isArray(data)) return [{ row: 0, column: '*', message: 'le fichier doit être une liste' }];
  const expected = schema.fields.map((f) => f.name);
  const violations: Violation[] = [];
  const rows: Map<string, string>[] = [];
  data.forEach((item, i) => {
    const row = i + 1;
    if (!isObject(item)) {
      violations.push({ row, column: '*', message: 'un objet est attendu' });
      rows.push(new Map());
      return;
    }
    if (Object.keys(item).join(',') !== expected.join(',')) violations.push({ row, column: '*', message: `clés ${Object.keys(item).join(',')} au lieu de ${expected.join(',')}` });
    const cells = new Map<string, string>();
    for (const field of schema.fields) {
      const value = item[field.name];
      if (value === null || value === undefined) continue;
      if (field.type === 'number' || field.type === 'integer') {
        if (typeof value !== 'number') violations.push({ row, column: field.name, message: 'un nombre JSON est attendu' });
        cells.set(field.name, String(value));
      } else if (typeof value !== 'string') violations.push({ row, column: field.name, message: 'une chaîne JSON est attendue' });
      else cells.set(field.name, value);
    }
    rows.push(cells);
  });
  return [...violations, ...checkRows(schema, rows, 1)];
}
