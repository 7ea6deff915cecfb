/**
 * Svelte action: focuses the element as it appears, when `when` is true (the default).
 * For a confirmation that replaces the button that opened it (the focus would otherwise
 * fall back to the page, and a keyboard user starts over from the top) or that appears
 * in answer to it (on its safe answer, so a keyboard user gets to it and Enter does no
 * harm), and for that button when the confirmation closes.
 */
export function focusOnMount(node: HTMLElement, when: boolean = true) {
  if (when) node.focus();
}
