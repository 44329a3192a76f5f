import { can, type Actor } from '../authz/index.ts';

export type NavEntry = {
  href: string;
  label: string;
  /** Shown to whoever may do this action; 'signed-in' for anyone signed in; 'public' for everyone. */
  shownTo: string | 'signed-in' | 'public';
  /** Lower comes first. */
  order: number;
};

const entries: NavEntry[] = [];

/** Modules add their entries at load time; the layout shows those the actor's roles allow. */
export function registerNav(...items: NavEntry[]): void {
  for (const item of items) if (!entries.some((e) => e.href === item.href)) entries.push(item);
  entries.sort((a, b) => a.order - b.order);
}

/** @example navFor(actor) // [{ href: '/', label: 'Accueil' }, …] */
export function navFor(actor: Actor | null): { href: string; label: string }[] {
  return entries
    .filter((e) => e.shownTo === 'public' || (actor !== null && (e.shownTo === 'signed-in' || can(actor, e.shownTo))))
    .map(({ href, label }) => ({ href, label }));
}
