import type { BaseSyntheticEvent } from 'react';
import { get, type FieldErrors } from 'react-hook-form';

/**
 * What a refused submit does with the focus: it goes to the first field in error, in the form's order, once.
 *
 * Every form passes `shouldFocusError: false` to `useForm` and this as the second argument of `handleSubmit`.
 * react-hook-form's own focusing does it twice, the second time a task later (`setTimeout`); on a busy machine that
 * second call came 48 ms late and pulled the cursor out of the field being typed in, so that the text went into the
 * field in error and was not saved (caught in an e2e test, which types faster than a person).
 */
export function focusFirstError(errors: FieldErrors, event?: BaseSyntheticEvent) {
  const form = event?.target instanceof Element ? event.target.closest('form') : null;
  if (!form) return;
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (element.type === 'hidden' || element.disabled || !element.name || !get(errors, element.name)) continue;
    element.focus();
    return;
  }
}
