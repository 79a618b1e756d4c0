"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * False in the server's HTML, true once the page's script runs. A submit
 * button waits for it: tapped earlier on a slow phone, a form would submit
 * natively and put what was typed in the address.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
