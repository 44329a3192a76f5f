import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, DisplayPrefs } from './env.ts';

export const displayCookie = 'relais_affichage';

export const displayOptions: { [K in keyof DisplayPrefs]: readonly DisplayPrefs[K][] } = {
  textSize: ['normal', 'large', 'xlarge'],
  spacing: ['normal', 'wide'],
  contrast: ['normal', 'high'],
  font: ['system', 'atkinson', 'opendyslexic'],
  theme: ['auto', 'light', 'dark'],
};

export const defaultDisplay: DisplayPrefs = { textSize: 'normal', spacing: 'normal', contrast: 'normal', font: 'system', theme: 'auto' };

function pick<K extends keyof DisplayPrefs>(key: K, value: string | undefined): DisplayPrefs[K] {
  const allowed: readonly DisplayPrefs[K][] = displayOptions[key];
  return allowed.find((v) => v === value) ?? defaultDisplay[key];
}

/** Display preferences from their cookie: `t-large.s-wide.c-high.f-atkinson.m-dark`. */
export function parseDisplay(raw: string | undefined): DisplayPrefs {
  const parts = new Map((raw ?? '').split('.').map((p): [string, string] => [p.split('-')[0] ?? '', p.split('-')[1] ?? '']));
  return {
    textSize: pick('textSize', parts.get('t')),
    spacing: pick('spacing', parts.get('s')),
    contrast: pick('contrast', parts.get('c')),
    font: pick('font', parts.get('f')),
    theme: pick('theme', parts.get('m')),
  };
}

export function serialiseDisplay(d: DisplayPrefs): string {
  return `t-${d.textSize}.s-${d.spacing}.c-${d.contrast}.f-${d.font}.m-${d.theme}`;
}

export function displayFrom(c: Context<AppEnv>): DisplayPrefs {
  return parseDisplay(getCookie(c, displayCookie));
}
