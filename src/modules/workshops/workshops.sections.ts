import type { Child } from 'hono/jsx';
import type { Executor } from '../../db/client.ts';
import type { Actor } from '../../platform/authz/index.ts';
import type { ProgrammeWithConsortium, ProgrammeTarget, SessionView } from './workshops.queries.ts';

/** What a section of the public programme page receives. */
export type ProgrammeSectionContext = {
  db: Executor;
  programme: ProgrammeWithConsortium;
  targets: ProgrammeTarget[];
  sessions: SessionView[];
  now: Date;
};

/** A section of /programmes/:slug added by another part of the module (e.g. reporting: targets against results). */
export type ProgrammeSection = {
  key: string;
  /** Lower comes first. The page's own sections: presentation 0, sessions 100. */
  order: number;
  /** The section shows the programme's targets itself (with results): the page then leaves out its plain list. */
  showsTargets?: boolean;
  render: (context: ProgrammeSectionContext) => Promise<Child | null> | Child | null;
};

const sections: ProgrammeSection[] = [];

/**
 * Adds a section to the public programme page (called once at load time; the same key twice keeps the first).
 * @example registerProgrammeSection({ key: 'results', order: 50, render: async ({ db, programme }) => <ResultsSection … /> })
 */
export function registerProgrammeSection(section: ProgrammeSection): void {
  if (sections.some((s) => s.key === section.key)) return;
  sections.push(section);
  sections.sort((a, b) => a.order - b.order);
}

export function programmeSections(): readonly ProgrammeSection[] {
  return sections;
}

/** What a section of the management page of a session (/gestion/seances/:id) receives. */
export type SessionSectionContext = { db: Executor; session: SessionView; actor: Actor };

export type SessionSection = { key: string; order: number; render: (context: SessionSectionContext) => Promise<Child | null> | Child | null };

const sessionSections: SessionSection[] = [];

/**
 * Adds a section to the management page of a session, after the registrations (e.g. the roster, the debrief).
 * @example registerSessionSection({ key: 'roster', order: 10, render: ({ session }) => <p><a href={`/gestion/seances/${session.id}/emargement`}>Feuille d’émargement</a></p> })
 */
export function registerSessionSection(section: SessionSection): void {
  if (sessionSections.some((s) => s.key === section.key)) return;
  sessionSections.push(section);
  sessionSections.sort((a, b) => a.order - b.order);
}

export function registeredSessionSections(): readonly SessionSection[] {
  return sessionSections;
}
