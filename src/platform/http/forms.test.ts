import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import { z } from 'zod';
import { readForm, type FormInput } from './forms.ts';

// A route that returns what readForm read, to post real bodies at it.
const app = new Hono().post('/', async (c) => {
  const form = await readForm(c, z.object({ name: z.string().min(1, 'Entrez un nom') }).passthrough());
  return c.json(form);
});

async function post(body: BodyInit, headers: Record<string, string> = {}): Promise<{ ok: boolean; input: FormInput; errors?: Record<string, string> }> {
  return (await app.request('/', { method: 'POST', body, headers })).json();
}

describe('readForm', () => {
  it('reads an urlencoded form: accents, spaces, repeated fields as arrays in their order, empty values kept', async () => {
    const form = await post('name=Jos%C3%A9+Wam%C3%A9&themes=email&themes=web_browsing&themes=email&notes=&plus=1%2B1', { 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' });
    assert.equal(form.ok, true);
    assert.deepEqual(form.input, { name: 'José Wamé', themes: ['email', 'web_browsing', 'email'], notes: '', plus: '1+1' });
  });

  it('reads a multipart form the same way, without the files', async () => {
    const body = new FormData();
    body.append('name', 'Case de Koné');
    body.append('themes', 'email');
    body.append('themes', 'smartphone');
    body.append('photo', new Blob(['x']), 'photo.png');
    const form = await post(body);
    assert.deepEqual(form.input, { name: 'Case de Koné', themes: ['email', 'smartphone'] });
  });

  it('gives the schema’s French message on the field, and keeps what was typed', async () => {
    const form = await post('name=&notes=gard%C3%A9', { 'Content-Type': 'application/x-www-form-urlencoded' });
    assert.equal(form.ok, false);
    assert.deepEqual(form.errors, { name: 'Entrez un nom' });
    assert.deepEqual(form.input, { name: '', notes: 'gardé' });
  });

  it('answers a body it cannot read with a message, not an error', async () => {
    const form = await post('--x\r\nnot a multipart body', { 'Content-Type': 'multipart/form-data; boundary=y' });
    assert.equal(form.ok, false);
    assert.match(form.errors?.formulaire ?? '', /illisible/);
  });
});
