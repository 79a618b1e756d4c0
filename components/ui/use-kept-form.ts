"use client";

import { startTransition } from "react";

/**
 * Submits a form to a server action without React's automatic reset, which
 * would wipe what the user typed when the server answers with a validation
 * error. A form that should empty after a success is remounted by its caller
 * with a key taken from the success (e.g. the new record's id).
 */
export function useKeptForm(formAction: (data: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
}
