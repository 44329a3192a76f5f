import type { FeedbackAnswer } from '../feedback.schema.ts';

const mouths = {
  good: 'M20 38 Q32 50 44 38',
  medium: 'M20 42 L44 42',
  bad: 'M20 46 Q32 34 44 46',
} as const satisfies Record<FeedbackAnswer, string>;

/** One face of the scale: happy, neutral or sad. Decorative: the word beside it carries the meaning. */
export function Face({ answer }: { answer: FeedbackAnswer }) {
  return (
    <svg class="w-scale__face" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <circle class="w-scale__head" cx="32" cy="32" r="28" />
      <circle class="w-scale__eye" cx="23" cy="25" r="4" />
      <circle class="w-scale__eye" cx="41" cy="25" r="4" />
      <path class="w-scale__feature" d={mouths[answer]} />
    </svg>
  );
}

/**
 * The "Écouter" button: hidden until the read-aloud script finds speech synthesis in the browser. Its accessible
 * name starts with the visible word, then says what it reads.
 */
export function ListenButton({ text, what }: { text: string; what: string }) {
  return (
    <div class="w-listen" data-module="app-read-aloud">
      <button type="button" class="r-button r-button--secondary" hidden data-read-aloud-text={text}>
        Écouter<span class="r-visually-hidden"> {what}</span>
      </button>
    </div>
  );
}

export type ScaleQuestion = {
  /** The field name and the id of the first choice. */
  name: string;
  number: number;
  text: string;
  choices: { value: FeedbackAnswer; label: string }[];
  value: string;
  error?: string;
};

/** A question answered with three faces: radio inputs whose labels are the face and the word, large targets. */
export function FeedbackScale(props: ScaleQuestion) {
  const spoken = `${props.text} ${props.choices.map((c) => `${c.label}.`).join(' ')}`;
  const errorId = `${props.name}-error`;
  return (
    <div class={props.error ? 'r-form-group r-form-group--error' : 'r-form-group'}>
      <fieldset class="w-scale" aria-describedby={props.error ? errorId : undefined}>
        <legend class="w-scale__legend">{props.text}</legend>
        <ListenButton text={spoken} what={`la question ${props.number}`} />
        {props.error ? (
          <p id={errorId} class="r-error-message">
            <span class="r-visually-hidden">Erreur : </span>
            {props.error}
          </p>
        ) : null}
        <div class="w-scale__choices">
          {props.choices.map((c, i) => {
            const id = i === 0 ? props.name : `${props.name}-${i + 1}`;
            return (
              <div class="w-scale__choice">
                <input class="w-scale__input" type="radio" id={id} name={props.name} value={c.value} checked={props.value === c.value} />
                <label class="w-scale__label" for={id}>
                  <Face answer={c.value} />
                  {c.label}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
