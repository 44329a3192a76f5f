import type { JSX } from 'hono/jsx/jsx-runtime';

/** One rendered example of a component, shown on the development page and checked with axe. */
export type Example = { name: string; render: () => JSX.Element };

/** The examples of one component, as collected by `allExamples()`. */
export type ComponentExamples = { component: string; examples: Example[] };

/**
 * The props every form field shares. `id` goes on the control (and on the first radio or checkbox),
 * so an error summary can link to `#id`.
 */
export type FieldProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  error?: string;
  value?: string;
};

/** A choice in radios, checkboxes or a select. */
export type FieldItem = { value: string; label: string; hint?: string };
